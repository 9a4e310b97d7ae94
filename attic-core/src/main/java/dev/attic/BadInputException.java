package dev.attic;

/** The caller sent something malformed or inconsistent; nothing was changed. */
public class BadInputException extends AtticException {
    private static final long serialVersionUID = 1L;

    public BadInputException(ErrorCode code, String message) {
        super(code, message, null);
    }

    public BadInputException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
