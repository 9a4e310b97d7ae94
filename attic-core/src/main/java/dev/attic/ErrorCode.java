package dev.attic;

/**
 * The machine-readable code every {@link AtticException} carries. The HTTP layer maps a code to a
 * status and puts {@link #wireName()} in the {@code error} field of its JSON body, spelled as
 * upstream Attic spells it where upstream has the same error.
 */
public enum ErrorCode {
    // The caller sent something malformed or inconsistent; nothing was changed.
    /** A request that is malformed in a way no more specific code describes. */
    BAD_REQUEST("RequestError"),
    /** A string that is not a valid store path or store path hash. */
    INVALID_STORE_PATH("InvalidStorePath"),
    /** A hash in none of Nix's spellings, or of the wrong length or algorithm. */
    INVALID_HASH("InvalidHash"),
    /** A NAR that breaks the grammar of the format. */
    BAD_NAR("BadNar"),
    /** A NAR whose hash or size is not the one declared for it. */
    NAR_MISMATCH("NarMismatch"),
    /** A narinfo that cannot be parsed or is inconsistent. */
    INVALID_NAR_INFO("InvalidNarInfo"),
    /** A signing or public key not in Nix's format. */
    INVALID_KEY("InvalidKey"),
    /** A signature not in Nix's format. */
    INVALID_SIGNATURE("InvalidSignature"),
    /** A cache name outside {@code ^[A-Za-z0-9][A-Za-z0-9-_+]{0,49}$}. */
    INVALID_CACHE_NAME("InvalidCacheName"),
    /** A compression name the server does not know. */
    INVALID_COMPRESSION_TYPE("InvalidCompressionType"),

    // Who is asking.
    /** No credentials, or credentials that do not verify, or not allowed (without discovery). */
    UNAUTHORIZED("Unauthorized"),
    /** Authenticated and allowed to know the cache exists, but not allowed to do this. */
    FORBIDDEN("AccessError"),

    // What is asked for.
    /** The cache does not exist (or the caller may not know that it does). */
    NO_SUCH_CACHE("NoSuchCache"),
    /** The store path, NAR or stored object does not exist. */
    NO_SUCH_OBJECT("NoSuchObject"),
    /** A cache of that name already exists. */
    CACHE_ALREADY_EXISTS("CacheAlreadyExists"),
    /**
     * An upload whose pending NAR or leased chunk is gone or no longer valid (its lease expired and
     * the garbage collector reaped it): restart the upload.
     */
    STALE_UPLOAD("StaleUpload"),
    /** A NAR some of whose chunks are missing or corrupt: it cannot be served until repaired. */
    INCOMPLETE_NAR("IncompleteNar"),

    // The server's own parts failed.
    /** The chunk storage failed; {@link AtticException#isTransient()} says whether a retry may help. */
    STORAGE_ERROR("StorageError"),
    /** The metadata database failed; {@link AtticException#isTransient()} says whether a retry may help. */
    DATABASE_ERROR("DatabaseError"),
    /** A bug or misconfiguration. */
    INTERNAL("InternalServerError");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    /** The name clients see in the {@code error} field, as upstream Attic spells it. */
    public String wireName() {
        return wireName;
    }
}
