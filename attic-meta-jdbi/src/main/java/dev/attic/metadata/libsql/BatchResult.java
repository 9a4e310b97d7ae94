package dev.attic.metadata.libsql;

import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of each step of a batch: for step i, either {@code results.get(i)} or
 * {@code errors.get(i)} is set, or neither when its condition did not hold.
 */
record BatchResult(List<StatementResult> results, List<SQLException> errors) {
    BatchResult {
        if (results.size() != errors.size()) {
            throw new IllegalArgumentException("one result slot and one error slot per step");
        }
        results = Collections.unmodifiableList(results);
        errors = Collections.unmodifiableList(errors);
    }

    boolean ran(int step) {
        return results.get(step) != null || errors.get(step) != null;
    }
}
