package dev.attic.metadata.libsql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auth against a real sqld that this test starts with {@code --auth-jwt-key-file} (an Ed25519
 * public key it generates): a JWT signed with the matching private key is accepted, another is
 * refused with a clear, typed error. The binary comes from {@code ATTIC_TEST_SQLD_BIN} (set by
 * {@code .ci/run}); skipped without it, except under {@code CI=true}.
 */
class SqldAuthTest {
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32-byte key follows. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    @TempDir
    static Path dir;

    private static Process sqld;
    private static String url;
    private static Ed25519PrivateKeyParameters key;

    @BeforeAll
    static void startSqld() throws Exception {
        String bin = System.getenv("ATTIC_TEST_SQLD_BIN");
        if (bin == null || bin.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but ATTIC_TEST_SQLD_BIN is not set: .ci/run should have installed sqld");
            }
            assumeTrue(false, "ATTIC_TEST_SQLD_BIN is not set: skipping the libSQL auth test (it starts its own"
                    + " sqld with a JWT key; ../shared/tools/sqld.sh installs one)");
        }
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        key = (Ed25519PrivateKeyParameters) pair.getPrivate();
        byte[] raw = ((Ed25519PublicKeyParameters) pair.getPublic()).getEncoded();
        byte[] spki = new byte[SPKI_PREFIX.length + raw.length];
        System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
        Path pem = dir.resolve("jwt.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(spki)
                + "\n-----END PUBLIC KEY-----\n");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        url = "http://127.0.0.1:" + port;
        sqld = new ProcessBuilder(bin, "--db-path", dir.resolve("db").toString(), "--http-listen-addr",
                "127.0.0.1:" + port, "--no-welcome", "--auth-jwt-key-file", pem.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sqld.log").toFile()).start();
        awaitHealthy();
    }

    private static void awaitHealthy() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < 100; i++) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url + "/health"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("sqld did not become healthy: " + Files.readString(dir.resolve("sqld.log")));
    }

    @AfterAll
    static void stopSqld() throws InterruptedException {
        if (sqld != null) {
            sqld.destroy();
            sqld.waitFor();
        }
    }

    private static String jwt(Ed25519PrivateKeyParameters signingKey, String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, signingKey);
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
        signer.update(input, 0, input.length);
        return signingInput + "." + b64.encodeToString(signer.generateSignature());
    }

    @Test
    void aTokenSignedWithTheServersKeyIsAccepted() throws SQLException {
        String token = jwt(key, "{\"exp\":" + (System.currentTimeMillis() / 1000 + 3600) + "}");
        try (HranaClient client = new HranaClient(url, token, Duration.ofSeconds(10))) {
            client.execute(Stmt.of("CREATE TABLE IF NOT EXISTS t (a)"));
            client.execute(Stmt.of("INSERT INTO t VALUES (?)", 42L));
            assertEquals(List.of(List.of(42L)), client.execute(Stmt.of("SELECT a FROM t WHERE a = 42")).rows());
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedClearly() {
        Ed25519PrivateKeyParameters other = new Ed25519PrivateKeyParameters(new SecureRandom());
        try (HranaClient client = new HranaClient(url, jwt(other, "{}"), Duration.ofSeconds(10))) {
            SQLException e = assertThrows(SQLException.class, () -> client.execute(Stmt.of("SELECT 1")));
            assertInstanceOf(SQLInvalidAuthorizationSpecException.class, e);
            assertTrue(e.getMessage().contains("401"), e.getMessage());
            assertTrue(e.getMessage().contains("auth token"), e.getMessage());
        }
    }

    @Test
    void noTokenIsRefusedClearly() {
        try (HranaClient client = new HranaClient(url, null, Duration.ofSeconds(10))) {
            SQLException e = assertThrows(SQLException.class, () -> client.execute(Stmt.of("SELECT 1")));
            assertInstanceOf(SQLInvalidAuthorizationSpecException.class, e);
        }
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = jwt(key, "{\"exp\":" + (System.currentTimeMillis() / 1000 - 3600) + "}");
        try (HranaClient client = new HranaClient(url, token, Duration.ofSeconds(10))) {
            assertThrows(SQLInvalidAuthorizationSpecException.class, () -> client.execute(Stmt.of("SELECT 1")));
        }
    }
}
