package dev.attic.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.attic.AccessDeniedException;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Verifies upstream Attic's JWTs with one algorithm and key; {@code alg: none} never verifies. */
final class JwtTokenVerifier implements TokenVerifier {
    /** Tokens longer than this are refused before any parsing. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final JWTVerifier verifier;

    JwtTokenVerifier(Algorithm algorithm, Clock clock, Optional<String> issuer, Set<String> audiences) {
        var verification = JWT.require(algorithm).acceptLeeway(0);
        issuer.ifPresent(verification::withIssuer);
        if (!audiences.isEmpty()) {
            verification.withAnyOfAudience(audiences.toArray(String[]::new));
        }
        this.verifier = ((JWTVerifier.BaseVerification) verification).build(clock);
    }

    @Override
    public Token verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw unauthorized("no token, or a token longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (TokenExpiredException e) {
            throw unauthorized("the token has expired");
        } catch (JWTVerificationException e) {
            throw unauthorized("the token does not verify");
        }
        return new Token(
                Optional.ofNullable(jwt.getSubject()),
                Optional.ofNullable(jwt.getNotBeforeAsInstant()),
                Optional.ofNullable(jwt.getExpiresAtAsInstant()),
                grants(jwt.getClaim(Token.CLAIM_NAMESPACE)));
    }

    private static Map<CacheNamePattern, CachePermissions> grants(Claim claim) {
        if (claim.isMissing() || claim.isNull()) {
            return Map.of();
        }
        Map<String, Object> namespace = asObject(claim.asMap(), Token.CLAIM_NAMESPACE);
        Object caches = namespace.get("caches");
        if (caches == null) {
            return Map.of();
        }
        Map<CacheNamePattern, CachePermissions> grants = new LinkedHashMap<>();
        for (var entry : asObject(caches, "caches").entrySet()) {
            CacheNamePattern pattern;
            try {
                pattern = CacheNamePattern.of(entry.getKey());
            } catch (BadInputException e) {
                throw unauthorized("the token grants to an invalid cache name pattern");
            }
            Set<Permission> bits = EnumSet.noneOf(Permission.class);
            for (var bit : asObject(entry.getValue(), "a cache permission").entrySet()) {
                Optional<Permission> permission = Permission.fromClaimKey(bit.getKey());
                if (permission.isPresent() && isSet(bit.getValue())) {
                    bits.add(permission.get());
                }
            }
            grants.put(pattern, new CachePermissions(bits));
        }
        return grants;
    }

    private static boolean isSet(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n && (n.longValue() == 0 || n.longValue() == 1) && n.doubleValue() == n.longValue()) {
            return n.longValue() == 1;
        }
        throw unauthorized("a permission in the token is neither 0 nor 1");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw unauthorized("the token's " + what + " is not a JSON object");
    }

    private static AccessDeniedException unauthorized(String why) {
        return new AccessDeniedException(ErrorCode.UNAUTHORIZED, "unauthorized: " + why);
    }
}
