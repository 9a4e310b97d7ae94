package dev.attic.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attic.AccessDeniedException;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.cache.CacheName;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenKeyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test-secret".getBytes(StandardCharsets.UTF_8);
    private static KeyPair rsa;

    @BeforeAll
    static void rsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
    }

    private static Token sampleToken() {
        return Token.of("ci", NOW.minusSeconds(60), NOW.plusSeconds(3600))
                .withGrant(CacheNamePattern.of("cache-rw"), CachePermissions.of(Permission.PULL, Permission.PUSH))
                .withGrant(CacheNamePattern.of("cache-ro"), CachePermissions.of(Permission.PULL))
                .withGrant(CacheNamePattern.of("team-*"),
                        CachePermissions.of(Permission.PULL, Permission.PUSH, Permission.CREATE_CACHE));
    }

    @Test
    void hs256TokenRoundTripsItsClaims() {
        TokenKey key = TokenKey.hs256(SECRET);
        Token token = sampleToken();
        Token verified = key.verifier(CLOCK).verify(key.sign(token));
        assertEquals(token, verified);
    }

    @Test
    void claimLayoutIsUpstreamAttics() throws Exception {
        String jwt = TokenKey.hs256(SECRET).sign(sampleToken());
        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        assertEquals("ci", payload.get("sub").asText());
        assertEquals(NOW.plusSeconds(3600).getEpochSecond(), payload.get("exp").asLong());
        assertEquals(NOW.minusSeconds(60).getEpochSecond(), payload.get("nbf").asLong());
        JsonNode caches = payload.get("https://jwt.attic.rs/v1").get("caches");
        assertEquals(JSON.readTree("{\"r\":1,\"w\":1,\"cc\":1}"), caches.get("team-*"));
        assertEquals(JSON.readTree("{\"r\":1}"), caches.get("cache-ro"));
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
        assertEquals("HS256", header.get("alg").asText());
    }

    /** A token written by hand from RFC 7519, as upstream's docs show one, verifies. */
    @Test
    void acceptsHandMadeUpstreamStyleToken() throws Exception {
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = b64("{\"sub\":\"meow\",\"exp\":4102324986,\"https://jwt.attic.rs/v1\":{\"caches\":"
                + "{\"cache-rw\":{\"w\":1,\"r\":1},\"cache-ro\":{\"r\":1},\"team-*\":{\"w\":1,\"r\":1,\"cc\":1,\"d\":0}}}}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
        Token token = TokenKey.hs256(SECRET).verifier(CLOCK).verify(header + "." + payload + "." + signature);
        assertEquals(Optional.of("meow"), token.subject());
        assertEquals(CachePermissions.of(Permission.PULL, Permission.PUSH, Permission.CREATE_CACHE),
                token.permissionsFor(CacheName.of("team-x")));
        assertEquals(CachePermissions.of(Permission.PULL), token.permissionsFor(CacheName.of("cache-ro")));
        assertEquals(CachePermissions.none(), token.permissionsFor(CacheName.of("other")));
    }

    @Test
    void rejectsAlgNone() {
        String unsigned = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + b64("{\"sub\":\"x\",\"https://jwt.attic.rs/v1\":{\"caches\":{\"*\":{\"r\":1,\"w\":1}}}}") + ".";
        assertUnauthorized(() -> TokenKey.hs256(SECRET).verifier(CLOCK).verify(unsigned));
        assertUnauthorized(() -> TokenKey.rs256((RSAPrivateKey) rsa.getPrivate()).verifier(CLOCK).verify(unsigned));
    }

    @Test
    void rejectsTokenSignedWithAnotherSecret() {
        String jwt = TokenKey.hs256("another-secret-another-secret-another".getBytes(StandardCharsets.UTF_8)).sign(sampleToken());
        assertUnauthorized(() -> TokenKey.hs256(SECRET).verifier(CLOCK).verify(jwt));
    }

    @Test
    void rejectsTamperedPayload() {
        String[] parts = TokenKey.hs256(SECRET).sign(sampleToken()).split("\\.");
        String forged = parts[0] + "." + b64("{\"sub\":\"ci\",\"https://jwt.attic.rs/v1\":{\"caches\":{\"*\":{\"r\":1,\"w\":1,\"cd\":1}}}}")
                + "." + parts[2];
        assertUnauthorized(() -> TokenKey.hs256(SECRET).verifier(CLOCK).verify(forged));
    }

    @Test
    void rejectsExpiredAndNotYetValidTokens() {
        TokenKey key = TokenKey.hs256(SECRET);
        String expired = key.sign(Token.of("ci", NOW.minusSeconds(7200), NOW.minusSeconds(1)));
        AccessDeniedException e = assertUnauthorized(() -> key.verifier(CLOCK).verify(expired));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
        String future = key.sign(Token.of("ci", NOW.plusSeconds(60), NOW.plusSeconds(7200)));
        assertUnauthorized(() -> key.verifier(CLOCK).verify(future));
        // the same token is fine once its time has come
        Clock later = Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC);
        assertEquals(Optional.of("ci"), key.verifier(later).verify(future).subject());
    }

    @Test
    void rejectsGarbageAndOversizedTokens() {
        TokenVerifier verifier = TokenKey.hs256(SECRET).verifier(CLOCK);
        for (String garbage : new String[] {"", "abc", "a.b.c", "....", "eyJhbGciOiJIUzI1NiJ9.e30"}) {
            assertUnauthorized(() -> verifier.verify(garbage));
        }
        assertUnauthorized(() -> verifier.verify("a".repeat(JwtTokenVerifier.MAX_TOKEN_LENGTH + 1)));
        assertUnauthorized(() -> verifier.verify(null));
    }

    @Test
    void rejectsPermissionBitsOtherThanZeroOrOne() throws Exception {
        String header = b64("{\"alg\":\"HS256\"}");
        String payload = b64("{\"https://jwt.attic.rs/v1\":{\"caches\":{\"x\":{\"r\":2}}}}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        String sig = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
        assertUnauthorized(() -> TokenKey.hs256(SECRET).verifier(CLOCK).verify(header + "." + payload + "." + sig));
    }

    @Test
    void rs256RoundTripsFromPkcs1AndPkcs8Pem() {
        RSAPrivateKey priv = (RSAPrivateKey) rsa.getPrivate();
        String pkcs8 = pem("PRIVATE KEY", priv.getEncoded());
        String pkcs1 = pem("RSA PRIVATE KEY", pkcs1Of(priv));
        String pub = pem("PUBLIC KEY", rsa.getPublic().getEncoded());
        for (String pemText : new String[] {pkcs8, pkcs1}) {
            TokenKey key = TokenKey.rs256FromBase64(Base64.getEncoder().encodeToString(pemText.getBytes(StandardCharsets.US_ASCII)));
            String jwt = key.sign(sampleToken());
            assertEquals(sampleToken(), key.verifier(CLOCK).verify(jwt));
            TokenKey verifyOnly = TokenKey.rs256PublicFromBase64(
                    Base64.getEncoder().encodeToString(pub.getBytes(StandardCharsets.US_ASCII)));
            assertEquals(sampleToken(), verifyOnly.verifier(CLOCK).verify(jwt));
            assertFalse(verifyOnly.canSign());
            assertThrows(BadInputException.class, () -> verifyOnly.sign(sampleToken()));
        }
    }

    /** The classic confusion: an HS256 token whose secret is the server's public RSA key. */
    @Test
    void rs256VerifierRejectsHs256TokenKeyedWithThePublicKey() {
        String pub = pem("PUBLIC KEY", rsa.getPublic().getEncoded());
        String forged = TokenKey.hs256(pub.getBytes(StandardCharsets.US_ASCII)).sign(sampleToken());
        assertUnauthorized(() -> TokenKey.rs256((RSAPrivateKey) rsa.getPrivate()).verifier(CLOCK).verify(forged));
        String hs = TokenKey.hs256(SECRET).sign(sampleToken());
        assertUnauthorized(() -> TokenKey.rs256((RSAPrivateKey) rsa.getPrivate()).verifier(CLOCK).verify(hs));
    }

    @Test
    void boundIssuerAndAudienceAreRequired() {
        TokenKey key = TokenKey.hs256(SECRET);
        TokenVerifier bound = key.verifier(CLOCK, Optional.of("https://attic.example"), Set.of("attic"));
        assertUnauthorized(() -> bound.verify(key.sign(sampleToken())));
        assertUnauthorized(() -> bound.verify(key.sign(sampleToken(), Optional.of("https://evil.example"), Set.of("attic"))));
        assertEquals(sampleToken(), bound.verify(key.sign(sampleToken(), Optional.of("https://attic.example"), Set.of("attic"))));
    }

    @Test
    void refusesShortOrMalformedSecrets() {
        BadInputException shortSecret = assertThrows(BadInputException.class, () -> TokenKey.hs256(new byte[31]));
        assertEquals(ErrorCode.INVALID_KEY, shortSecret.code());
        assertThrows(BadInputException.class, () -> TokenKey.hs256FromBase64("not base64 !!"));
        assertThrows(BadInputException.class, () -> TokenKey.rs256FromBase64(
                Base64.getEncoder().encodeToString("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----".getBytes())));
        assertThrows(BadInputException.class, () -> TokenKey.rs256FromBase64(Base64.getEncoder().encodeToString("hello".getBytes())));
    }

    @Test
    void hs256FromBase64UsesTheDecodedBytesAsUpstreamDoes() {
        String b64 = Base64.getEncoder().encodeToString(SECRET);
        String jwt = TokenKey.hs256FromBase64(b64).sign(sampleToken());
        assertEquals(sampleToken(), TokenKey.hs256(SECRET).verifier(CLOCK).verify(jwt));
    }

    private static AccessDeniedException assertUnauthorized(org.junit.jupiter.api.function.Executable call) {
        AccessDeniedException e = assertThrows(AccessDeniedException.class, call);
        assertEquals(ErrorCode.UNAUTHORIZED, e.code());
        return e;
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] pkcs1Of(RSAPrivateKey key) {
        try {
            return org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey()
                    .toASN1Primitive().getEncoded();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
