package dev.attic;

/**
 * The server's own storage or database failed. {@link #isTransient()} tells a timeout or an
 * unavailable server (worth a retry) from a permanent failure.
 */
public class BackendException extends AtticException {
    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;

    public BackendException(ErrorCode code, String message, boolean transientFailure, Throwable cause) {
        super(code, message, cause);
        this.transientFailure = transientFailure;
    }

    @Override
    public boolean isTransient() {
        return transientFailure;
    }
}
