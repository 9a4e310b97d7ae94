package dev.attic;

import java.util.Objects;

/**
 * The one unchecked root of every error this library throws. Each carries an {@link ErrorCode};
 * the subclasses say which side is at fault: {@link BadInputException} the caller,
 * {@link NotFoundException} and {@link AccessDeniedException} what was asked for,
 * and {@link BackendException} the server's own storage or database.
 */
public abstract class AtticException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    protected AtticException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The machine-readable code. */
    public ErrorCode code() {
        return code;
    }

    /** True when the same request may succeed if tried again later. */
    public boolean isTransient() {
        return false;
    }
}
