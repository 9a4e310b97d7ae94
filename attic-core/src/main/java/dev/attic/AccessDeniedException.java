package dev.attic;

/**
 * The caller may not do this: {@link ErrorCode#UNAUTHORIZED} when it is not authenticated or may
 * not learn whether the target exists, {@link ErrorCode#FORBIDDEN} otherwise.
 */
public class AccessDeniedException extends AtticException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(ErrorCode code, String message) {
        super(code, message, null);
    }
}
