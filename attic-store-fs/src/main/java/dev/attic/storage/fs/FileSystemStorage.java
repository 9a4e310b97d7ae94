package dev.attic.storage.fs;

import dev.attic.BackendException;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.NotFoundException;
import dev.attic.storage.Storage;
import dev.attic.storage.StorageKey;
import dev.attic.storage.StoredObject;
import dev.attic.storage.internal.ByteRange;
import dev.attic.storage.internal.PutSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Objects as files in a local directory. A put writes a temp file in the same filesystem, fsyncs
 * it, renames it over the final name and fsyncs the directory, so a crash never leaves a partial
 * object under its name. Files are spread over 65,536 fan-out directories. The directory carries a
 * layout version marker, and a directory of an unknown layout is refused at {@link #at}.
 *
 * <p>Local disk calls have no timeout of their own; a hung network filesystem can block them.
 */
public final class FileSystemStorage implements Storage {
    private static final int BUFFER = 64 * 1024;
    private static final Duration STALE_TEMP_AGE = Duration.ofHours(1);

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Layout layout;
    private final boolean posix;

    private FileSystemStorage(Layout layout) {
        this.layout = layout;
        this.posix = layout.root().getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Opens the storage in {@code dir}, creating the directory and its layout when it is missing or
     * empty. Temp files older than an hour, left by a crash, are removed.
     *
     * @throws BackendException when {@code dir} holds an unknown layout version, is a non-empty
     *     directory that is not a storage, or cannot be read
     */
    public static FileSystemStorage at(Path dir) {
        Objects.requireNonNull(dir, "dir");
        FileSystemStorage storage = new FileSystemStorage(Layout.open(dir));
        storage.removeStaleTempFiles();
        return storage;
    }

    /** The storage directory. */
    public Path directory() {
        return layout.root();
    }

    /**
     * Writes the object durably: a new temp file (created and opened in one call), its bytes, an
     * fsync of the file, a rename over the final name, an fsync of the final name's directory.
     * When this returns, content and name survive a crash; before, a crash leaves at most a temp
     * file (reaped at the next open), never a partial object under its name. The engine marks a
     * chunk valid only after its put returned, so a valid chunk always names a durable file.
     *
     * <p>Neither fsync can go: the file's fsync makes the bytes durable before the rename can be
     * (otherwise a crash may leave the name with empty or partial content), and the directory's
     * fsync makes the rename itself durable (POSIX promises nothing for a rename without it; ext4
     * usually commits it with the next journal transaction, which is not a promise). The fan-out
     * directories are checked by trying the rename first: only a missing directory costs a
     * {@code mkdir} and the fsyncs of its parents.
     */
    @Override
    public long put(StorageKey key, InputStream data, long length) {
        Objects.requireNonNull(key, "key");
        PutSource source = new PutSource(key, data, length);
        Path temp = null;
        try {
            FileChannel out = null;
            while (out == null) {
                temp = layout.tmp().resolve("put-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
                try {
                    out = newPrivateFile(temp);
                } catch (FileAlreadyExistsException e) {
                    temp = null; // another put's name, however unlikely: draw again
                }
            }
            try (FileChannel channel = out) {
                byte[] buf = new byte[BUFFER];
                int n;
                do {
                    n = source.readFully(buf, 0, buf.length);
                    ByteBuffer chunk = ByteBuffer.wrap(buf, 0, n);
                    while (chunk.hasRemaining()) {
                        channel.write(chunk);
                    }
                } while (n == buf.length);
                channel.force(true);
            }
            Path target = layout.path(key);
            Path dir = target.getParent();
            boolean newDirs = false;
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (NoSuchFileException e) {
                if (Files.isDirectory(dir)) {
                    throw e; // the temp file vanished, not the directory
                }
                Files.createDirectories(dir);
                newDirs = true;
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            Durability.syncDirectory(dir);
            if (newDirs) {
                Durability.syncDirectory(dir.getParent());
                Durability.syncDirectory(layout.objects());
            }
            return source.count();
        } catch (IOException e) {
            throw failure("storing " + key, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // The put already failed; a leftover temp file is reaped at the next open.
                }
            }
        }
    }

    @Override
    public InputStream open(StorageKey key) {
        return open(key, 0, Long.MAX_VALUE);
    }

    @Override
    public InputStream open(StorageKey key, long offset, long length) {
        Objects.requireNonNull(key, "key");
        ByteRange range = new ByteRange(offset, length);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(layout.path(key), StandardOpenOption.READ);
            long served = range.lengthWithin(key, channel.size());
            FileRangeStream stream = new FileRangeStream(channel, key.value(), offset, served);
            channel = null;
            return stream;
        } catch (NoSuchFileException e) {
            throw notFound(key);
        } catch (IOException e) {
            throw failure("reading " + key, e);
        } finally {
            closeQuietly(channel);
        }
    }

    @Override
    public Optional<Long> size(StorageKey key) {
        Objects.requireNonNull(key, "key");
        try {
            return Optional.of(Files.size(layout.path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("reading the size of " + key, e);
        }
    }

    @Override
    public void delete(StorageKey key) {
        Objects.requireNonNull(key, "key");
        try {
            Files.deleteIfExists(layout.path(key));
        } catch (IOException e) {
            throw failure("deleting " + key, e);
        }
    }

    @Override
    public Stream<StoredObject> list(String prefix) {
        StorageKey.checkPrefix(prefix);
        return new ObjectWalk(layout.objects(), prefix).stream();
    }

    /** Always empty: a local directory has no URL of its own; the HTTP layer streams the bytes. */
    @Override
    public Optional<URI> downloadUrl(StorageKey key, Duration validFor) {
        Objects.requireNonNull(key, "key");
        if (validFor.isNegative() || validFor.isZero()) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "a download URL must be valid for a positive time, not " + validFor);
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        // Nothing is held open between calls.
    }

    @Override
    public String toString() {
        return "FileSystemStorage[" + layout.root() + "]";
    }

    private void removeStaleTempFiles() {
        Instant cutoff = Instant.now().minus(STALE_TEMP_AGE);
        try (Stream<Path> temps = Files.list(layout.tmp())) {
            for (Path temp : (Iterable<Path>) temps::iterator) {
                if (Files.getLastModifiedTime(temp).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BackendException(ErrorCode.STORAGE_ERROR,
                    "cannot clean " + layout.tmp() + ": " + e, false, e);
        }
    }

    static NotFoundException notFound(StorageKey key) {
        return new NotFoundException(ErrorCode.NO_SUCH_OBJECT, "no stored object " + key);
    }

    /**
     * A filesystem failure. A full disk is transient (garbage collection may free space); other
     * failures (permissions, I/O errors) will not go away by retrying.
     */
    static BackendException failure(String what, IOException e) {
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : String.valueOf(e.getMessage());
        boolean transientFailure = reason.contains("No space left") || reason.contains("Disk quota exceeded");
        return new BackendException(ErrorCode.STORAGE_ERROR, what + " failed: " + e, transientFailure, e);
    }

    /**
     * Creates and opens a new file readable by its owner only (as {@link Files#createTempFile}
     * does), in one call.
     */
    private FileChannel newPrivateFile(Path file) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return posix ? FileChannel.open(file, options, OWNER_ONLY) : FileChannel.open(file, options);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Only reached after another failure, which is what the caller sees.
            }
        }
    }
}
