package dev.attic;

/** What was asked for does not exist: a cache, a store path, a NAR, a stored object. */
public class NotFoundException extends AtticException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(ErrorCode code, String message) {
        super(code, message, null);
    }
}
