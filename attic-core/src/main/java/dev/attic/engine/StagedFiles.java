package dev.attic.engine;

import com.google.common.hash.Hashing;
import com.google.common.hash.HashingInputStream;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.nix.Hash;
import dev.attic.storage.Storage;
import dev.attic.storage.StorageKey;
import dev.attic.storage.StoredObject;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * NAR files that a plain {@code nix copy --to http://...} uploads before their narinfo: each is
 * kept in storage under {@code staging/<cache id>/<file name>.<millis>-<random>} until the narinfo arrives (on
 * any server sharing the storage), then turned into chunks and deleted. A file whose narinfo never
 * comes is deleted by the garbage collector once it is older than the staging expiry.
 */
final class StagedFiles {
    /** Nix names an uploaded NAR by the nix32 SHA-256 of the file: {@code <52 chars>.nar[.ext]}. */
    static final Pattern FILE_NAME = Pattern.compile("([0-9a-df-np-sv-z]{52})\\.nar(\\.[a-z0-9]{1,8})?");
    private static final String PREFIX = "staging/";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Storage storage;
    private final Clock clock;

    StagedFiles(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** Stores a file, checking that its bytes hash to the hash in its name. */
    void stage(long cacheId, String fileName, InputStream body, long length) {
        Matcher name = FILE_NAME.matcher(fileName);
        if (!name.matches()) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "not a NAR file name Nix uploads (nar/<nix32 file hash>.nar[.xz|.zst]): "
                    + (fileName.length() > 80 ? fileName.substring(0, 80) + "..." : fileName));
        }
        Hash declared = Hash.fromNix32(name.group(1));
        StorageKey key = new StorageKey(PREFIX + cacheId + "/" + fileName + "." + clock.millis() + "-" + nonce());
        HashingInputStream hashing = new HashingInputStream(Hashing.sha256(), body);
        storage.put(key, hashing, length);
        Hash actual = Hash.sha256(hashing.hash());
        if (!actual.equals(declared)) {
            storage.delete(key);
            throw new BadInputException(ErrorCode.NAR_MISMATCH, "the uploaded file hashes to " + actual
                    + ", not to the " + declared + " its name says");
        }
    }

    /** The newest staged copy of a file, if any. */
    Optional<StorageKey> find(long cacheId, String fileName) {
        try (Stream<StoredObject> copies = storage.list(PREFIX + cacheId + "/" + fileName + ".")) {
            return copies.map(StoredObject::key).max(Comparator.comparingLong(StagedFiles::stagedAt));
        }
    }

    /** Deletes every staged file older than {@code expiry}; returns how many. */
    long deleteOlderThan(Duration expiry) {
        long cutoff = clock.millis() - expiry.toMillis();
        long deleted = 0;
        try (Stream<StoredObject> staged = storage.list(PREFIX)) {
            for (StoredObject object : (Iterable<StoredObject>) staged::iterator) {
                if (stagedAt(object.key()) < cutoff) {
                    storage.delete(object.key());
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** Deletes a staged file (once used, or found bad). */
    void delete(StorageKey key) {
        storage.delete(key);
    }

    private static String nonce() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static long stagedAt(StorageKey key) {
        String value = key.value();
        String suffix = value.substring(value.lastIndexOf('.') + 1);
        int dash = suffix.indexOf('-');
        try {
            return Long.parseLong(dash < 0 ? suffix : suffix.substring(0, dash));
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE; // not ours in shape: treat as oldest
        }
    }
}
