package dev.attic.examples.client;

import dev.attic.AtticException;
import dev.attic.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The server said no (its JSON {@code error} and {@code message}), or could not be reached. Transient
 * when the same request may succeed later: no connection, a 5xx, a 429 or a {@code StaleUpload}.
 */
final class ServerError extends AtticException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final transient Optional<Duration> retryAfter;

    ServerError(int status, String error, String message, Optional<Duration> retryAfter) {
        super(code(status, error), message, null);
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    private ServerError(URI uri, IOException cause) {
        super(ErrorCode.INTERNAL, "cannot reach " + uri.getScheme() + "://" + uri.getAuthority() + ": "
                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
        this.status = 0;
        this.error = "ConnectionError";
        this.retryAfter = Optional.empty();
    }

    static ServerError unreachable(URI uri, IOException cause) {
        return new ServerError(uri, cause);
    }

    /** The HTTP status, or 0 when there was no answer. */
    int status() {
        return status;
    }

    /** The server's error name ({@code NoSuchCache}, ...), or {@code ConnectionError}. */
    String error() {
        return error;
    }

    /** How long the server asked us to wait ({@code Retry-After}), if it did. */
    Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }

    @Override
    public boolean isTransient() {
        return status == 0 || status >= 500 || status == 429 || "StaleUpload".equals(error);
    }

    private static ErrorCode code(int status, String error) {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.wireName().equals(error)) {
                return code;
            }
        }
        return status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST;
    }
}
