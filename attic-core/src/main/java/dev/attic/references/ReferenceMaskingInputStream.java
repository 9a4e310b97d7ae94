package dev.attic.references;

import dev.attic.nix.StorePath;
import dev.attic.nix.StorePathHash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A NAR with the hashes of the store paths it embeds masked: wherever {@code <storeDir>/} is
 * followed by 32 characters of Nix's base-32, those 32 characters are replaced by a placeholder
 * that is not base-32, and recorded in the {@link #table()}. A longer run of base-32 characters
 * has its first 32 masked; a run of 31 is left alone. The store directory itself stays.
 *
 * <p>The stream has the length of the original and every byte keeps its offset. It holds one
 * buffer of at least 64 KiB and carries at most {@code storeDir.length() + 32} bytes from one read
 * of the source to the next, so a hash split across reads is found. Once the table holds
 * {@code maxReferences} references, later hashes are left in place and counted in
 * {@link #referencesLeftInPlace()}: still correct, they only dedup as plain chunks do.
 */
public final class ReferenceMaskingInputStream extends InputStream {
    /** The default cap on a table: about 1 MiB while masking, at most 1.3 MiB encoded. */
    public static final int DEFAULT_MAX_REFERENCES = 65_536;

    private static final int HASH = StorePathHash.LENGTH;
    private static final int MIN_BUFFER = 64 * 1024;

    private final InputStream source;
    private final byte[] prefix;
    private final int window;
    private final byte[] buffer;
    private final ReferenceTable.Builder table;
    /** Bytes before {@code start} were handed out; bytes in [start, scan) are final; [scan, end) undecided. */
    private int start;
    private int scan;
    private int end;
    /** The stream offset of {@code buffer[0]}. */
    private long base;
    private boolean sourceEnded;
    private long leftInPlace;

    /** Masks the hashes of paths in {@code storeDir}, with the default cap. */
    public ReferenceMaskingInputStream(InputStream source, String storeDir) {
        this(source, storeDir, DEFAULT_MAX_REFERENCES);
    }

    /**
     * @param storeDir the store directory, such as {@value StorePath#DEFAULT_STORE_DIR}
     * @param maxReferences the most hashes to mask; 0 masks none
     */
    public ReferenceMaskingInputStream(InputStream source, String storeDir, int maxReferences) {
        this.source = Objects.requireNonNull(source, "source");
        // validates the store directory as Nix does
        new StorePath(Objects.requireNonNull(storeDir, "storeDir"), new StorePathHash("0".repeat(HASH)), "x");
        if (maxReferences < 0) {
            throw new IllegalArgumentException("maxReferences must be 0 or more, got " + maxReferences);
        }
        this.prefix = (storeDir + "/").getBytes(StandardCharsets.UTF_8);
        this.window = prefix.length + HASH;
        this.buffer = new byte[Math.max(MIN_BUFFER, 4 * window)];
        this.table = new ReferenceTable.Builder(maxReferences);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        while (start == scan) {
            if (sourceEnded && start == end) {
                return -1;
            }
            fill();
            settle();
        }
        int n = Math.min(length, scan - start);
        System.arraycopy(buffer, start, target, offset, n);
        start += n;
        return n;
    }

    @Override
    public int available() {
        return scan - start;
    }

    /** Reads more of the source, first moving the undecided bytes to the front of the buffer. */
    private void fill() throws IOException {
        if (sourceEnded) {
            return;
        }
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            base += start;
            scan -= start;
            end -= start;
            start = 0;
        }
        int n = source.read(buffer, end, buffer.length - end);
        if (n < 0) {
            sourceEnded = true;
        } else {
            end += n;
        }
    }

    /** Decides every position it can: masks the matches that start there, or passes over it. */
    private void settle() {
        while (scan < end) {
            if (buffer[scan] != prefix[0]) {
                scan++;
                continue;
            }
            int match = matchAt(scan);
            if (match < 0) {
                return; // needs bytes not read yet
            }
            if (match == 0) {
                scan++;
                continue;
            }
            int hashAt = scan + prefix.length;
            if (table.isFull()) {
                leftInPlace++;
            } else {
                table.add(base + hashAt, buffer, hashAt);
                System.arraycopy(MaskedHash.PLACEHOLDER, 0, buffer, hashAt, HASH);
            }
            scan += window;
        }
    }

    /** 1 if a store path hash starts at {@code at}, 0 if none does, -1 if the source must say more. */
    private int matchAt(int at) {
        for (int k = 0; k < window; k++) {
            if (at + k >= end) {
                return sourceEnded ? 0 : -1;
            }
            byte b = buffer[at + k];
            if (k < prefix.length ? b != prefix[k] : !MaskedHash.isNix32(b)) {
                return 0;
            }
        }
        return 1;
    }

    /**
     * The references masked so far; all of them once the stream has returned -1.
     *
     * @throws IllegalStateException before the end of the stream was read
     */
    public ReferenceTable table() {
        if (!sourceEnded || start != end) {
            throw new IllegalStateException("the reference table is known only after the whole stream was read");
        }
        return table.build();
    }

    /** How many hashes were found after the table was full, and left unmasked. */
    public long referencesLeftInPlace() {
        return leftInPlace;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
