package dev.attic.metadata;

/**
 * Where a chunk is in its life. Only {@link #VALID} chunks are deduplicated against; at most one
 * valid chunk exists per (hash, compression).
 *
 * <pre>
 *   PENDING --storage write done--> VALID --read found it damaged--> CORRUPT
 *      |                              |                                 |
 *      |        (no chunk reference, not leased)                        |
 *      +--abort / lease expired / lost the race--> DELETED <------------+ (once a new valid
 *                                                     |                     chunk took its refs)
 *                                   files deleted by the caller, then rows deleted
 * </pre>
 *
 * When a new chunk with the hash and compression of a corrupt one becomes valid, every chunk
 * reference to the corrupt one moves to the new one, so the NARs that contained it are complete
 * again and the corrupt one becomes an orphan.
 */
public enum ChunkState {
    /** Its file is being written; not yet usable. */
    PENDING("P"),
    /** Its file is complete and may be served and deduplicated against. */
    VALID("V"),
    /** Its file was found damaged or missing; NARs that use it are incomplete until it is replaced. */
    CORRUPT("C"),
    /** Claimed by the garbage collector: its file is being deleted, then its row. */
    DELETED("D");

    private final String code;

    ChunkState(String code) {
        this.code = code;
    }

    /** The one-letter code stored in the database. */
    public String code() {
        return code;
    }

    /** The state stored as {@code code}. */
    public static ChunkState ofCode(String code) {
        for (ChunkState s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown chunk state code: " + code);
    }
}
