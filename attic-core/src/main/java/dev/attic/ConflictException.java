package dev.attic;

/** The request conflicts with what exists, such as creating a cache whose name is taken. */
public class ConflictException extends AtticException {
    private static final long serialVersionUID = 1L;

    public ConflictException(ErrorCode code, String message) {
        super(code, message, null);
    }
}
