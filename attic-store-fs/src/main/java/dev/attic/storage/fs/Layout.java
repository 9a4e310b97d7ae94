package dev.attic.storage.fs;

import dev.attic.BackendException;
import dev.attic.ErrorCode;
import dev.attic.storage.StorageKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where things live in a storage directory, version {@value #VERSION}:
 * <pre>
 *   attic-storage-layout              "attic-fs-storage-layout 1": the version marker
 *   objects/3f/a2/chunks+1b8m….zst    an object; 3f/a2 = the first two bytes of SHA-256(key)
 *   tmp/put-….tmp                     uploads in progress, renamed into objects/ when complete
 * </pre>
 * The fan-out keeps any one directory to about {@code objects / 65536} entries, so millions of
 * objects never share a folder. A key's {@code /} is stored as {@code +}, which a key cannot hold,
 * so every file name maps back to exactly one key.
 */
final class Layout {
    static final int VERSION = 1;
    static final String MARKER = "attic-storage-layout";
    private static final String MARKER_PREFIX = "attic-fs-storage-layout ";

    private final Path root;
    private final Path objects;
    private final Path tmp;

    private Layout(Path root) {
        this.root = root;
        this.objects = root.resolve("objects");
        this.tmp = root.resolve("tmp");
    }

    /**
     * Opens the layout in {@code root}, creating it when the directory is missing or empty, and
     * refusing a directory that holds another layout version or something that is not a storage.
     */
    static Layout open(Path root) {
        Layout layout = new Layout(root.toAbsolutePath().normalize());
        try {
            layout.checkOrCreate();
        } catch (IOException e) {
            throw new BackendException(ErrorCode.STORAGE_ERROR,
                    "cannot open storage directory " + layout.root + ": " + e, false, e);
        }
        return layout;
    }

    Path root() {
        return root;
    }

    Path objects() {
        return objects;
    }

    Path tmp() {
        return tmp;
    }

    /** The file holding {@code key}. */
    Path path(StorageKey key) {
        byte[] hash = sha256(key.value());
        String fan = HexFormat.of().formatHex(hash, 0, 2);
        return objects.resolve(fan.substring(0, 2)).resolve(fan.substring(2, 4)).resolve(key.value().replace('/', '+'));
    }

    /** The key a file in a fan-out directory holds, or empty when the name is not one of ours. */
    static Optional<StorageKey> key(String fileName) {
        String value = fileName.replace('+', '/');
        return StorageKey.isValid(value) ? Optional.of(StorageKey.of(value)) : Optional.empty();
    }

    private void checkOrCreate() throws IOException {
        Files.createDirectories(root);
        Path marker = root.resolve(MARKER);
        if (Files.exists(marker)) {
            String content = Files.readString(marker, StandardCharsets.UTF_8).strip();
            if (!content.startsWith(MARKER_PREFIX)) {
                throw refused(marker + " is not an Attic storage layout marker (it says \"" + abbreviate(content) + "\")");
            }
            String version = content.substring(MARKER_PREFIX.length());
            if (!version.equals(Integer.toString(VERSION))) {
                throw refused(root + " holds storage layout version " + abbreviate(version)
                        + ", but this version of Attic reads only layout " + VERSION
                        + "; use the Attic release that wrote it, or migrate the directory");
            }
            Files.createDirectories(objects);
            Files.createDirectories(tmp);
            return;
        }
        Path markerTemp = root.resolve(MARKER + ".tmp");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, p -> !p.equals(markerTemp))) {
            if (entries.iterator().hasNext()) {
                throw refused(root + " is not empty and has no " + MARKER
                        + " file, so it is not an Attic storage directory; refusing to write into it");
            }
        }
        // The marker comes first, so a crash during set-up leaves an empty directory or one with
        // only the marker's temp file, and the next open finishes the job.
        Files.writeString(markerTemp, MARKER_PREFIX + VERSION + "\n", StandardCharsets.UTF_8);
        Durability.syncFile(markerTemp);
        Files.move(markerTemp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Durability.syncDirectory(root);
        Files.createDirectories(objects);
        Files.createDirectories(tmp);
        Durability.syncDirectory(root);
    }

    private static BackendException refused(String message) {
        return new BackendException(ErrorCode.STORAGE_ERROR, message, false, null);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JVM has SHA-256", e);
        }
    }
}
