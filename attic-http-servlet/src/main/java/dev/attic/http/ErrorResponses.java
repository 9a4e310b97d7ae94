package dev.attic.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attic.AtticException;
import dev.attic.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps the core's error codes to HTTP statuses and upstream Attic's error body
 * {@code {"code": <status>, "error": "<name>", "message": "..."}}. Failures of the server's own
 * parts are reported without their internal detail.
 */
final class ErrorResponses {
    private ErrorResponses() {}

    static int status(AtticException e) {
        return switch (e.code()) {
            case BAD_REQUEST, INVALID_STORE_PATH, INVALID_HASH, BAD_NAR, NAR_MISMATCH, INVALID_NAR_INFO,
                    INVALID_KEY, INVALID_SIGNATURE, INVALID_CACHE_NAME, INVALID_COMPRESSION_TYPE,
                    CACHE_ALREADY_EXISTS -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NO_SUCH_CACHE, NO_SUCH_OBJECT -> 404;
            case STALE_UPLOAD -> 409;
            case INCOMPLETE_NAR -> 503;
            case STORAGE_ERROR, DATABASE_ERROR, INTERNAL -> e.isTransient() ? 503 : 500;
        };
    }

    /** Whether the message may reach the client (the caller's own mistakes) or stays in the log. */
    static boolean isClientFacing(ErrorCode code) {
        return switch (code) {
            case STORAGE_ERROR, DATABASE_ERROR, INTERNAL -> false;
            default -> true;
        };
    }

    private static final System.Logger LOG = System.getLogger(AtticServlet.class.getName());

    static void send(HttpServletResponse response, ObjectMapper json, AtticException e) throws IOException {
        int status = status(e);
        // 404s are how Nix asks whether a path exists: too common to log above DEBUG
        LOG.log(status >= 500 ? System.Logger.Level.WARNING : status == 400 || status == 409 ? System.Logger.Level.INFO
                : System.Logger.Level.DEBUG, () -> status + " " + e.code().wireName() + ": " + e.getMessage(), status >= 500 ? e : null);
        String message = isClientFacing(e.code()) ? e.getMessage()
                : (status == 503 ? "the server is temporarily unavailable; try again" : "internal server error");
        String name = isClientFacing(e.code()) ? e.code().wireName() : ErrorCode.INTERNAL.wireName();
        // headers first: once the body (of its declared length) is written, the response is committed
        if (status == 503) {
            response.setHeader("Retry-After", "5");
        }
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"attic\", Bearer");
        }
        send(response, json, status, name, message);
    }

    static void send(HttpServletResponse response, ObjectMapper json, int status, String error, String message)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status);
        body.put("error", error);
        body.put("message", message);
        byte[] bytes = json.writeValueAsBytes(body);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
