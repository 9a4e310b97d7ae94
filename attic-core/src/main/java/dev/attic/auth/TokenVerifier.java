package dev.attic.auth;

/**
 * Turns the token a client presents into its verified claims. {@link TokenKey#verifier} gives the
 * JWT verifier upstream Attic's tokens need; a user may plug in another (an OIDC provider, say).
 */
@FunctionalInterface
public interface TokenVerifier {
    /**
     * Verifies a token.
     *
     * @throws dev.attic.AccessDeniedException with {@code UNAUTHORIZED} when the token is malformed,
     *     forged, signed with another key or algorithm, not yet valid or expired
     */
    Token verify(String token);
}
