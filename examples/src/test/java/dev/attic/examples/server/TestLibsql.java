package dev.attic.examples.server;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attic.metadata.libsql.LibsqlDataSource;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An empty libSQL database for a test. With {@code ATTIC_TEST_SQLD_BIN} (set by {@code .ci/run})
 * it starts its own sqld in {@code dir}, with JWT auth on (an Ed25519 key it makes), so the
 * {@link #authToken()} really travels; else it uses the sqld at {@code ATTIC_TEST_LIBSQL_URL}
 * (no auth), after dropping the metadata tables there. Without either the test is skipped,
 * except under {@code CI=true}, where it fails.
 *
 * @param url the database's URL ({@code http://127.0.0.1:PORT})
 * @param authToken a token the server accepts, or null for a server without auth
 */
public record TestLibsql(String url, String authToken, Process sqld) implements AutoCloseable {
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32-byte key follows. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** Children before parents, so no foreign key stands in the way. */
    private static final List<String> TABLES = List.of("object", "chunkref", "chunk", "nar", "cache", "flyway_schema_history");

    public static TestLibsql start(Path dir) throws IOException, InterruptedException {
        String bin = System.getenv("ATTIC_TEST_SQLD_BIN");
        if (bin != null && !bin.isBlank()) {
            return startOwn(bin, dir);
        }
        String url = System.getenv("ATTIC_TEST_LIBSQL_URL");
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but neither ATTIC_TEST_SQLD_BIN nor ATTIC_TEST_LIBSQL_URL is set: .ci/run should have installed sqld");
            }
            assumeTrue(false, "neither ATTIC_TEST_SQLD_BIN nor ATTIC_TEST_LIBSQL_URL is set: skipping the atticd/atticadm tests"
                    + " on libSQL (../shared/tools/sqld.sh start installs and starts sqld)");
        }
        dropMetadataTables(url);
        return new TestLibsql(url, null, null);
    }

    private static TestLibsql startOwn(String bin, Path dir) throws IOException, InterruptedException {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
        byte[] raw = key.generatePublicKey().getEncoded();
        byte[] spki = new byte[SPKI_PREFIX.length + raw.length];
        System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
        Files.createDirectories(dir);
        Path pem = dir.resolve("jwt.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(spki)
                + "\n-----END PUBLIC KEY-----\n");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("sqld.log");
        Process sqld = new ProcessBuilder(bin, "--db-path", dir.resolve("db").toString(), "--http-listen-addr",
                "127.0.0.1:" + port, "--no-welcome", "--auth-jwt-key-file", pem.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        TestLibsql db = new TestLibsql("http://127.0.0.1:" + port, jwt(key), sqld);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < 100; i++) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(db.url() + "/health"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return db;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        db.close();
        throw new AssertionError("sqld did not become healthy: " + Files.readString(log));
    }

    /** An EdDSA JWT that sqld accepts for an hour. */
    private static String jwt(Ed25519PrivateKeyParameters key) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"exp\":" + (System.currentTimeMillis() / 1000 + 3600) + "}";
        String signingInput = b64.encodeToString("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
        signer.update(input, 0, input.length);
        return signingInput + "." + b64.encodeToString(signer.generateSignature());
    }

    private static void dropMetadataTables(String url) {
        try (LibsqlDataSource ds = LibsqlDataSource.open(url, null, Duration.ofSeconds(30), 2);
                Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.executeUpdate("DROP TABLE IF EXISTS " + table);
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot empty the libSQL database at " + url, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (sqld != null) {
            sqld.destroy();
            sqld.waitFor();
        }
    }
}
