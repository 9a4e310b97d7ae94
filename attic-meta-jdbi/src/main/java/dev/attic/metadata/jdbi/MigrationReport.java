package dev.attic.metadata.jdbi;

import java.util.List;
import java.util.Objects;

/**
 * What {@link MetadataMigration} did, and the proof: for each table, its row count and a SHA-256
 * of its rows (in key order) as read back from the source and from the target.
 *
 * @param outcome whether rows were copied, replaced, or already there
 * @param tables one entry per table, in copy order
 */
public record MigrationReport(Outcome outcome, List<Table> tables) {
    public MigrationReport {
        Objects.requireNonNull(outcome, "outcome");
        tables = List.copyOf(tables);
    }

    public enum Outcome {
        /** The target was empty; every row was copied. */
        COPIED,
        /** The target already held exactly the source's rows (a re-run); nothing was written. */
        ALREADY_COPIED,
        /** The target held other rows; they were deleted and the source's copied (force). */
        REPLACED
    }

    /**
     * @param name the table
     * @param sourceRows rows in the source
     * @param targetRows rows in the target after the migration
     * @param sourceSha256 hex SHA-256 of the source's rows in key order
     * @param targetSha256 the same over the target's rows
     */
    public record Table(String name, long sourceRows, long targetRows, String sourceSha256, String targetSha256) {
        public Table {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sourceSha256, "sourceSha256");
            Objects.requireNonNull(targetSha256, "targetSha256");
        }

        /** True when the target holds exactly the source's rows. */
        public boolean matches() {
            return sourceRows == targetRows && sourceSha256.equals(targetSha256);
        }
    }

    /** Total rows copied (or found already copied). */
    public long rows() {
        return tables.stream().mapToLong(Table::targetRows).sum();
    }
}
