package dev.attic.metadata.jdbi;

/** SQL for leases: "held until" times that only ever grow, so no holder shortens another's. */
final class Leases {
    private Leases() {}

    /** The new lease_until: the later of the current one and {@code :until}. */
    static final String EXTEND = "CASE WHEN lease_until IS NULL OR lease_until < :until"
            + " THEN :until ELSE lease_until END";

    /** A row the garbage collector may take: not held, or held until a time already past. */
    static String expired(String alias) {
        return "(" + alias + ".lease_until IS NULL OR " + alias + ".lease_until < :now)";
    }
}
