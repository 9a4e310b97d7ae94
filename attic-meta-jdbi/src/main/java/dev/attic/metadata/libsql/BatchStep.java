package dev.attic.metadata.libsql;

import java.util.Objects;

/**
 * One step of a batch: a statement, run only when its condition holds (always, if null).
 */
record BatchStep(BatchCondition condition, Stmt stmt) {
    BatchStep {
        Objects.requireNonNull(stmt, "stmt");
    }
}
