package dev.attic.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The key that signs and verifies tokens, in the two forms upstream Attic's {@code [jwt.signing]}
 * accepts: an HS256 shared secret, or an RS256 key pair (a verify-only server may hold just the
 * public key).
 */
public final class TokenKey {
    /** RFC 7518 asks for an HS256 key of at least 256 bits. */
    public static final int MIN_HS256_SECRET_BYTES = 32;

    private final Algorithm algorithm;
    private final boolean canSign;

    private TokenKey(Algorithm algorithm, boolean canSign) {
        this.algorithm = algorithm;
        this.canSign = canSign;
    }

    /** An HS256 key from its raw secret, at least {@value #MIN_HS256_SECRET_BYTES} bytes. */
    public static TokenKey hs256(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_HS256_SECRET_BYTES) {
            throw new BadInputException(ErrorCode.INVALID_KEY, "the HS256 token secret has " + secret.length
                    + " bytes; at least " + MIN_HS256_SECRET_BYTES + " are needed (make one with: openssl rand 64 | base64 -w0)");
        }
        return new TokenKey(Algorithm.HMAC256(secret.clone()), true);
    }

    /** An HS256 key from upstream's {@code token-hs256-secret-base64}: the secret, base64-encoded. */
    public static TokenKey hs256FromBase64(String secretBase64) {
        return hs256(decodeBase64(secretBase64, "token-hs256-secret-base64"));
    }

    /** An RS256 key pair from upstream's {@code token-rs256-secret-base64}: a PEM private key, base64-encoded. */
    public static TokenKey rs256FromBase64(String privateKeyPemBase64) {
        String pem = new String(decodeBase64(privateKeyPemBase64, "token-rs256-secret-base64"), StandardCharsets.UTF_8);
        return rs256(RsaPem.privateKey(pem));
    }

    /** A verify-only RS256 key from upstream's {@code token-rs256-pubkey-base64}: a PEM public key, base64-encoded. */
    public static TokenKey rs256PublicFromBase64(String publicKeyPemBase64) {
        String pem = new String(decodeBase64(publicKeyPemBase64, "token-rs256-pubkey-base64"), StandardCharsets.UTF_8);
        return rs256Public(RsaPem.publicKey(pem));
    }

    /** An RS256 key pair that signs and verifies. */
    public static TokenKey rs256(RSAPrivateKey privateKey) {
        return new TokenKey(Algorithm.RSA256(RsaPem.publicKeyOf(privateKey), privateKey), true);
    }

    /** An RS256 public key that only verifies. */
    public static TokenKey rs256Public(RSAPublicKey publicKey) {
        return new TokenKey(Algorithm.RSA256(publicKey, null), false);
    }

    /** Whether this key can sign tokens (an RS256 public key cannot). */
    public boolean canSign() {
        return canSign;
    }

    /** A verifier that accepts tokens signed by this key and valid at the clock's time. */
    public TokenVerifier verifier(Clock clock) {
        return verifier(clock, Optional.empty(), Set.of());
    }

    /**
     * A verifier that also requires the given issuer and one of the given audiences, as upstream's
     * {@code token-bound-issuer} and {@code token-bound-audiences}.
     */
    public TokenVerifier verifier(Clock clock, Optional<String> boundIssuer, Set<String> boundAudiences) {
        return new JwtTokenVerifier(algorithm, clock, boundIssuer, boundAudiences);
    }

    /** Signs a token in upstream Attic's layout. */
    public String sign(Token token) {
        return sign(token, Optional.empty(), Set.of());
    }

    /** Signs a token in upstream Attic's layout, bound to an issuer and audiences. */
    public String sign(Token token, Optional<String> issuer, Set<String> audiences) {
        if (!canSign) {
            throw new BadInputException(ErrorCode.INVALID_KEY, "this RS256 key has no private part and cannot sign tokens");
        }
        Map<String, Object> caches = new LinkedHashMap<>();
        token.grants().entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.value().compareTo(b.value())))
                .forEach(grant -> {
                    Map<String, Object> bits = new LinkedHashMap<>();
                    for (Permission p : Permission.values()) {
                        if (grant.getValue().has(p)) {
                            bits.put(p.claimKey(), 1);
                        }
                    }
                    caches.put(grant.getKey().value(), bits);
                });
        var builder = JWT.create().withClaim(Token.CLAIM_NAMESPACE, Map.of("caches", caches));
        token.subject().ifPresent(builder::withSubject);
        token.notBefore().ifPresent(t -> builder.withNotBefore(Date.from(t)));
        token.expiresAt().ifPresent(t -> builder.withExpiresAt(Date.from(t)));
        issuer.ifPresent(builder::withIssuer);
        if (!audiences.isEmpty()) {
            builder.withAudience(audiences.stream().sorted().toArray(String[]::new));
        }
        return builder.sign(algorithm);
    }

    private static byte[] decodeBase64(String value, String what) {
        Objects.requireNonNull(value, what);
        try {
            return Base64.getDecoder().decode(value.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(ErrorCode.INVALID_KEY, what + " is not valid base64: " + e.getMessage(), e);
        }
    }
}
