package dev.attic.metadata;

/**
 * Where a NAR is in its life. Only {@link #VALID} NARs are ever served or deduplicated against.
 *
 * <pre>
 *   PENDING --commit--> VALID --(no object points at it, not leased)--> reaped
 *      |                   \
 *      +--abort / lease expired / lost the commit race--> DELETED --> reaped
 * </pre>
 */
public enum NarState {
    /** Being uploaded: its chunk references are being written; invisible to readers. */
    PENDING("P"),
    /** Complete: every chunk reference exists; at most one valid NAR per hash. */
    VALID("V"),
    /** Abandoned; the garbage collector removes the row and its chunk references. */
    DELETED("D");

    private final String code;

    NarState(String code) {
        this.code = code;
    }

    /** The one-letter code stored in the database. */
    public String code() {
        return code;
    }

    /** The state stored as {@code code}. */
    public static NarState ofCode(String code) {
        for (NarState s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown NAR state code: " + code);
    }
}
