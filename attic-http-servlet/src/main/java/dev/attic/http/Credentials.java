package dev.attic.http;

import dev.attic.AccessDeniedException;
import dev.attic.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Reads the token a request carries: {@code Authorization: Bearer <token>}, or Basic with the token
 * as the password (how Nix sends a netrc entry; the user name is ignored), as upstream Attic.
 */
final class Credentials {
    private Credentials() {}

    /** The token, or null for an anonymous request. */
    static String token(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return null;
        }
        int space = header.indexOf(' ');
        String scheme = (space < 0 ? header : header.substring(0, space)).toLowerCase(Locale.ROOT);
        String value = space < 0 ? "" : header.substring(space + 1).strip();
        return switch (scheme) {
            case "bearer" -> value;
            case "basic" -> basicPassword(value);
            default -> throw new AccessDeniedException(ErrorCode.UNAUTHORIZED,
                    "unauthorized: use Authorization: Bearer <token>, or Basic with the token as password");
        };
    }

    private static String basicPassword(String value) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AccessDeniedException(ErrorCode.UNAUTHORIZED, "unauthorized: malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(colon + 1);
    }
}
