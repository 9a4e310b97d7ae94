/**
 * Who may do what to which cache: upstream Attic's JWTs (HS256 or RS256, the
 * {@code https://jwt.attic.rs/v1} claim of per-pattern permission bits), verified by a
 * {@link dev.attic.auth.TokenVerifier} and issued with a {@link dev.attic.auth.TokenKey}. Caches and
 * their public flag live elsewhere; this package only answers questions about a token.
 */
package dev.attic.auth;
