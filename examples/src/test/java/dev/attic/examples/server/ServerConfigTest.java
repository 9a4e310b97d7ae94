package dev.attic.examples.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import dev.attic.compression.Compression;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    static final String SECRET = secret();
    private static final Path BASE = Path.of("/etc/atticd");

    static String secret() {
        byte[] b = new byte[64];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static ServerConfig parse(String toml) {
        return parse(toml, Map.of());
    }

    private static ServerConfig parse(String toml, Map<String, String> env) {
        return ServerConfig.parse(toml, "server.toml", BASE, env);
    }

    private static final String MINIMAL = """
            [database]
            url = "sqlite://server.db?mode=rwc"
            [storage]
            type = "local"
            path = "storage"
            [jwt.signing]
            token-hs256-secret-base64 = "%s"
            """.formatted(SECRET);

    private static final String EVERY_KEY = """
            listen = "[::]:9090"
            api-endpoint = "https://cache.example.com/"
            allowed-hosts = ["cache.example.com", "localhost"]
            require-proof-of-possession = false
            max-nar-info-size = 65536
            soft-delete-caches = true
            [database]
            url = "postgresql://attic:p%%40ss@db.example.com:5433/attic?sslmode=require"
            heartbeat = true
            [storage]
            type = "s3"
            region = "eu-west-1"
            bucket = "my-attic"
            endpoint = "https://s3.example.com"
            [storage.credentials]
            access_key_id = "AKIAEXAMPLE"
            secret_access_key = "very-secret-key"
            [chunking]
            nar-size-threshold = 131072
            min-size = 32768
            avg-size = 131072
            max-size = 524288
            reference-aware = true
            [compression]
            type = "none"
            level = 3
            [garbage-collection]
            interval = "6 hours"
            default-retention-period = "3 months"
            [jwt]
            token-bound-issuer = "https://issuer.example.com"
            token-bound-audiences = ["attic", "nix"]
            [jwt.signing]
            token-hs256-secret-base64 = "%s"
            """.formatted(SECRET);

    @Test
    void readsEveryUpstreamKey() {
        ServerConfig c = parse(EVERY_KEY);
        assertEquals(new Listen("::", 9090), c.listen());
        assertEquals(Optional.of(URI.create("https://cache.example.com/")), c.apiEndpoint());
        assertEquals(List.of("cache.example.com", "localhost"), c.allowedHosts());
        assertFalse(c.requireProofOfPossession());
        assertEquals(65536, c.maxNarInfoSize());
        DatabaseUrl.Postgres pg = c.database().postgres().orElseThrow();
        assertEquals("jdbc:postgresql://db.example.com:5433/attic?sslmode=require", pg.jdbcUrl());
        assertEquals("attic", pg.user());
        assertEquals("p@ss", pg.password(), "percent-encoded password decoded");
        StorageSettings.S3 s3 = assertInstanceOf(StorageSettings.S3.class, c.storage());
        assertEquals("eu-west-1", s3.region());
        assertEquals("my-attic", s3.bucket());
        assertEquals(Optional.of(URI.create("https://s3.example.com")), s3.endpoint());
        assertEquals(Optional.of("AKIAEXAMPLE"), s3.accessKeyId());
        assertEquals(Optional.of("very-secret-key"), s3.secretAccessKey());
        assertEquals(131072, c.chunking().narSizeThreshold());
        assertEquals(32768, c.chunking().minSize());
        assertEquals(131072, c.chunking().avgSize());
        assertEquals(524288, c.chunking().maxSize());
        assertTrue(c.chunking().referenceAware());
        assertEquals(Compression.NONE, c.compression());
        assertEquals(3, c.compressionLevel());
        assertEquals(Duration.ofHours(6), c.gcInterval());
        assertEquals(Duration.ofSeconds(3 * 2_630_016L), c.defaultRetention());
        assertEquals(Optional.of("https://issuer.example.com"), c.boundIssuer());
        assertEquals(Set.of("attic", "nix"), c.boundAudiences());
        assertEquals(TokenSigning.Kind.HS256, c.signing().kind());
        assertEquals(SECRET, c.signing().base64());
    }

    @Test
    void fillsTheDefaultsAndResolvesRelativePathsAgainstTheConfigDirectory() {
        ServerConfig c = parse(MINIMAL);
        assertEquals(ServerConfig.DEFAULT_LISTEN, c.listen());
        assertEquals(Optional.empty(), c.apiEndpoint());
        assertTrue(c.requireProofOfPossession());
        assertEquals(Optional.of(BASE.resolve("server.db")), c.database().sqliteFile());
        assertEquals(new StorageSettings.Local(BASE.resolve("storage")), c.storage());
        assertEquals(Compression.ZSTD, c.compression());
        assertEquals(8, c.compressionLevel());
        assertEquals(Duration.ofHours(12), c.gcInterval());
        assertEquals(Duration.ZERO, c.defaultRetention());
        assertEquals(65536, c.chunking().avgSize());
        assertFalse(c.chunking().referenceAware(), "reference-aware chunking is opt-in");
    }

    @Test
    void rejectsAReferenceAwareSettingThatIsNotABoolean() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> parse(MINIMAL + "[chunking]\nreference-aware = \"yes\"\n"));
        assertTrue(e.getMessage().contains("reference-aware"), e.getMessage());
    }

    @Test
    void theFileTheDataDirectoryGetsIsValid() {
        String secretFile = "token-secret";
        // the template names token-secret beside it; give it one to read
        Path dir = tempDir();
        try {
            java.nio.file.Files.writeString(dir.resolve(secretFile), SECRET + "\n");
            ServerConfig c = ServerConfig.parse(DataDir.template(new Listen("127.0.0.1", 8181)), "server.toml", dir, Map.of());
            assertEquals(new Listen("127.0.0.1", 8181), c.listen());
            assertEquals(SECRET, c.signing().base64());
            assertEquals(Optional.of(dir.resolve("server.db")), c.database().sqliteFile());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "config");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void environmentOverridesWinOverTheFile() {
        String other = secret();
        ServerConfig c = parse(MINIMAL, Map.of(
                "ATTICD_LISTEN", "0.0.0.0:7000",
                "ATTICD_DATABASE_URL", "postgresql://u:pw@pg/attic",
                "ATTICD_GARBAGE_COLLECTION_DEFAULT_RETENTION_PERIOD", "30d",
                "ATTICD_CHUNKING_AVG_SIZE", "32768",
                "ATTICD_ALLOWED_HOSTS", "a.example.com, b.example.com",
                "ATTICD_JWT_SIGNING_TOKEN_HS256_SECRET_BASE64", other));
        assertEquals(new Listen("0.0.0.0", 7000), c.listen());
        assertEquals("jdbc:postgresql://pg/attic", c.database().postgres().orElseThrow().jdbcUrl());
        assertEquals(Duration.ofDays(30), c.defaultRetention());
        assertEquals(32768, c.chunking().avgSize());
        assertEquals(List.of("a.example.com", "b.example.com"), c.allowedHosts());
        assertEquals(other, c.signing().base64());
    }

    @Test
    void upstreamsEnvironmentVariablesWork() {
        String other = secret();
        String withoutKeys = """
                [storage]
                type = "local"
                path = "/srv/attic"
                """;
        ServerConfig c = parse(withoutKeys, Map.of(
                "ATTIC_SERVER_DATABASE_URL", "sqlite:///var/lib/atticd/server.db?mode=rwc",
                "ATTIC_SERVER_TOKEN_HS256_SECRET_BASE64", other));
        assertEquals(Optional.of(Path.of("/var/lib/atticd/server.db")), c.database().sqliteFile());
        assertEquals(other, c.signing().base64());
        assertEquals(new StorageSettings.Local(Path.of("/srv/attic")), c.storage());
    }

    @Test
    void upstreamsVariablesStandInOnlyForKeysTheFileLacks() {
        ServerConfig c = parse(MINIMAL, Map.of(
                "ATTIC_SERVER_DATABASE_URL", "postgresql://u:pw@pg/attic",
                "ATTIC_SERVER_TOKEN_HS256_SECRET_BASE64", secret()));
        assertEquals(Optional.of(BASE.resolve("server.db")), c.database().sqliteFile(), "the file's url wins, as upstream");
        assertEquals(SECRET, c.signing().base64(), "the file's key wins, as upstream");
        BadInputException bad = assertThrows(BadInputException.class, () -> parse(MINIMAL.replace(
                "token-hs256-secret-base64 = \"" + SECRET + "\"", ""), Map.of("ATTIC_SERVER_TOKEN_HS256_SECRET_BASE64", "c2hvcnQ=")));
        assertTrue(bad.getMessage().startsWith("ATTIC_SERVER_TOKEN_HS256_SECRET_BASE64 is not a usable key"), bad.getMessage());
    }

    @Test
    void upstreamKeysThisServerCannotHonourAreRefusedWithTheReason() {
        assertMessage("substituter-endpoint = \"https://x.example.com/\"\n" + MINIMAL, "substituter-endpoint is not supported");
        assertMessage("soft-delete-caches = false\n" + MINIMAL, "soft-delete-caches = false is not supported");
        assertMessage(MINIMAL + "[jwt.blacklist]\nsubjects = [\"x\"]\n", "[jwt] blacklist is not supported");
        assertMessage("token-hs256-secret-base64 = \"" + SECRET + "\"\n" + MINIMAL, "token-hs256-secret-base64 is not supported");
    }

    @Test
    void rejectsUnknownKeysNamingThem() {
        BadInputException e = assertThrows(BadInputException.class, () -> parse(MINIMAL + "\nlisten-port = 80\n[storage.credentials]\naccess_key_id = \"x\"\n"));
        assertTrue(e.getMessage().contains("unknown keys"), e.getMessage());
        assertTrue(e.getMessage().contains("listen-port"), e.getMessage());
        assertTrue(e.getMessage().contains("[storage] credentials"), "credentials mean nothing to local storage: " + e.getMessage());

        BadInputException section = assertThrows(BadInputException.class, () -> parse(MINIMAL + "[garbage-colection]\ninterval = \"1h\"\n"));
        assertTrue(section.getMessage().contains("garbage-colection"), section.getMessage());

        BadInputException inTable = assertThrows(BadInputException.class, () -> parse(MINIMAL.replace("path = \"storage\"", "path = \"storage\"\npaht = \"x\"")));
        assertTrue(inTable.getMessage().contains("[storage] paht"), inTable.getMessage());
    }

    @Test
    void rejectsUnknownEnvironmentOverrides() {
        BadInputException e = assertThrows(BadInputException.class, () -> parse(MINIMAL, Map.of("ATTICD_DATABASE_URI", "x")));
        assertTrue(e.getMessage().contains("ATTICD_DATABASE_URI"), e.getMessage());
    }

    @Test
    void badValuesNameTheirKey() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("listen = \"8080\"", "listen"),
                Map.entry("listen = 8080", "listen"),
                Map.entry("api-endpoint = \"cache.example.com\"", "api-endpoint"),
                Map.entry("require-proof-of-possession = \"maybe\"", "require-proof-of-possession"),
                Map.entry("[compression]\ntype = \"brotli\"", "[compression] type"),
                Map.entry("[compression]\nlevel = 40", "[compression] level"),
                Map.entry("[chunking]\nmin-size = \"big\"", "[chunking] min-size"),
                Map.entry("[chunking]\nmin-size = 300000", "[chunking]"),
                Map.entry("[garbage-collection]\ninterval = \"12 fortnights\"", "[garbage-collection] interval"),
                Map.entry("[jwt]\ntoken-bound-audiences = \"attic\"", "[jwt] token-bound-audiences"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String toml = c.getKey().startsWith("[") ? MINIMAL + c.getKey() + "\n" : c.getKey() + "\n" + MINIMAL;
            BadInputException e = assertThrows(BadInputException.class, () -> parse(toml), "tried " + c.getKey());
            assertTrue(e.getMessage().startsWith(c.getValue()) || e.getMessage().contains(c.getValue() + " "),
                    "tried " + c.getKey() + ", got: " + e.getMessage());
        }
    }

    @Test
    void badStorageDatabaseAndKeyValuesNameTheirKey() {
        assertMessage(MINIMAL.replace("type = \"local\"", "type = \"ftp\""), "[storage] type");
        assertMessage(MINIMAL.replace("path = \"storage\"\n", ""), "[storage] path");
        assertMessage(MINIMAL.replace("sqlite://server.db?mode=rwc", "mysql://db/attic"), "[database] url");
        assertMessage(MINIMAL.replace("postgresql", "x").replace(SECRET, "bm90IGVub3VnaA=="), "[jwt.signing] token-hs256-secret-base64");
        assertMessage(MINIMAL.replace("token-hs256-secret-base64 = \"" + SECRET + "\"", ""), "[jwt] signing");
        assertMessage(MINIMAL.replace("type = \"local\"\npath = \"storage\"", "type = \"s3\"\nregion = \"us-east-1\"\nbucket = \"Not_A_Bucket\""),
                "[storage]");
        assertMessage(MINIMAL.replace("[storage]", "[storage\n"), "server.toml is not valid TOML");
    }

    private static void assertMessage(String toml, String start) {
        BadInputException e = assertThrows(BadInputException.class, () -> parse(toml), "tried:\n" + toml);
        assertTrue(e.getMessage().startsWith(start), "expected \"" + start + "...\", got: " + e.getMessage());
    }

    @Test
    void describeRedactsEverySecretAndReadsBackTheSameSettings() {
        ServerConfig c = parse(EVERY_KEY);
        String shown = c.describe();
        assertFalse(shown.contains(SECRET), shown);
        assertFalse(shown.contains("very-secret-key"), shown);
        assertFalse(shown.contains("p%40ss"), shown);
        assertTrue(shown.contains("postgresql://attic:***@db.example.com:5433/attic"), shown);
        assertTrue(shown.contains("access_key_id = \"AKIAEXAMPLE\""), shown);
        // with the secrets put back, the printed config reads as the same config
        String restored = shown.replace("\"(redacted)\"", "\"" + SECRET + "\"").replace("token-hs256-secret-base64 = \"" + SECRET,
                "token-hs256-secret-base64 = \"" + SECRET).replace("attic:***@", "attic:p%40ss@");
        restored = restored.replace("secret_access_key = \"" + SECRET + "\"", "secret_access_key = \"very-secret-key\"");
        assertEquals(c, parse(restored));
    }
}
