package dev.attic.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where chunk files live: immutable objects addressed by a {@link StorageKey}. A backend is chosen
 * and wired in by the user, e.g. {@code Attic.builder().storage(FileSystemStorage.at(dir))}.
 *
 * <h2>Semantics every backend keeps</h2>
 * (The contract test suite {@code dev.attic.storage.StorageContract} in attic-core's test-jar
 * checks each of them against every backend.)
 * <ul>
 *   <li><b>All or nothing.</b> A {@link #put} that fails, for any reason, leaves no object and no
 *       partial object under the key; a reader sees either no object or a whole one.</li>
 *   <li><b>Overwrite.</b> Objects are meant to be immutable, and the engine only writes the same
 *       bytes under the same key. A {@code put} on an existing key is allowed and atomically
 *       replaces it (last writer wins); readers see the old or the new object, never a mix.</li>
 *   <li><b>Ranges.</b> {@link #open(StorageKey, long, long)} clamps a range that runs past the end to
 *       the end; a range starting exactly at the end is empty; a range starting beyond the end is a
 *       {@link dev.attic.BadInputException}.</li>
 *   <li><b>Errors.</b> A missing object is a {@link dev.attic.NotFoundException} with
 *       {@link dev.attic.ErrorCode#NO_SUCH_OBJECT}; a bad key, range or length is a
 *       {@link dev.attic.BadInputException}; a failing backend is a
 *       {@link dev.attic.BackendException} with {@link dev.attic.ErrorCode#STORAGE_ERROR} whose
 *       {@link dev.attic.BackendException#isTransient() isTransient()} says whether a retry may help.
 *       No {@code IOException} or backend-specific exception escapes a method of this interface.</li>
 *   <li><b>Streams.</b> The streams {@code open} returns throw {@link java.io.IOException} if the
 *       backend fails mid-read, never end early in silence. The caller must close them.</li>
 *   <li><b>Timeouts.</b> No call blocks forever; each backend documents its timeouts.</li>
 *   <li><b>Thread safety.</b> Every method may be called from many threads at once.</li>
 * </ul>
 */
public interface Storage extends AutoCloseable {

    /** The {@code length} to pass to {@link #put} when the length is not known in advance. */
    long UNKNOWN_LENGTH = -1;

    /**
     * Stores the bytes of {@code data} under {@code key}, reading it to its end (the caller still
     * closes it). When {@code length} is not {@link #UNKNOWN_LENGTH}, the stream must hold exactly
     * that many bytes, or nothing is stored and a {@link dev.attic.BadInputException} is thrown;
     * the same happens when reading {@code data} fails.
     *
     * @return the number of bytes stored
     */
    long put(StorageKey key, InputStream data, long length);

    /** Opens the whole object for reading. */
    InputStream open(StorageKey key);

    /**
     * Opens {@code length} bytes of the object starting at {@code offset}; see the class comment for
     * ranges that run past the end.
     */
    InputStream open(StorageKey key, long offset, long length);

    /** The object's size in bytes, or empty when there is no such object. */
    Optional<Long> size(StorageKey key);

    /** True when the object exists. */
    default boolean exists(StorageKey key) {
        return size(key).isPresent();
    }

    /** Deletes the object; deleting a missing object is not an error. */
    void delete(StorageKey key);

    /**
     * The objects whose key starts with {@code prefix} (a plain string prefix; {@code ""} lists
     * all), fetched lazily page by page, in no particular order. Objects that are not this
     * library's (names that are not valid keys) are skipped. The stream holds backend resources:
     * close it (try-with-resources). Objects put or deleted while the stream is read may or may not
     * appear.
     */
    Stream<StoredObject> list(String prefix);

    /**
     * A URL from which a plain HTTP client can {@code GET} the whole object for {@code validFor},
     * for the HTTP layer to redirect to, or empty when this backend cannot make one. The URL is made
     * without asking the backend whether the object exists; fetching it answers 404 when it does not.
     */
    Optional<URI> downloadUrl(StorageKey key, Duration validFor);

    /** Releases threads, connections and locks. Calls after {@code close} have undefined results. */
    @Override
    void close();
}
