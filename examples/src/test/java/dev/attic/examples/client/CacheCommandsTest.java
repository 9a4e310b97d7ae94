package dev.attic.examples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attic.auth.Permission;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheCommandsTest {
    @TempDir
    Path dir;

    private TestServer server;
    private ClientRun client;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir.resolve("server"), null);
        client = new ClientRun(dir.resolve("home"));
        assertEquals(0, client.attic("login", "main", server.endpoint.toString(), server.adminToken()).code());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void createsACacheWithTheGivenSettingsAndShowsThem() throws Exception {
        ClientRun.Result created = client.attic("cache", "create", "main:proj", "--public", "--priority", "30",
                "--upstream-cache-key-name", "a-1", "--upstream-cache-key-name", "b-1");
        assertEquals(0, created.code(), created.toString());
        assertTrue(created.out().contains("attic use main:proj"), created.toString());

        JsonNode config = server.cacheConfig("proj");
        assertTrue(config.get("is_public").asBoolean());
        assertEquals(30, config.get("priority").asInt());
        assertEquals("[\"a-1\",\"b-1\"]", config.get("upstream_cache_key_names").toString());
        assertEquals("/nix/store", config.get("store_dir").asText());

        ClientRun.Result info = client.attic("cache", "info", "proj");
        assertEquals(0, info.code(), info.toString());
        assertEquals("true", LoginAndUseTest.infoLine(info.out(), "Public"));
        assertEquals(config.get("public_key").asText(), LoginAndUseTest.infoLine(info.out(), "Public Key"));
        assertEquals(server.endpoint + "proj", LoginAndUseTest.infoLine(info.out(), "Binary Cache Endpoint"));
        assertEquals("30", LoginAndUseTest.infoLine(info.out(), "Priority"));
        assertEquals("a-1, b-1", LoginAndUseTest.infoLine(info.out(), "Upstream Cache Keys"));
        assertEquals("Global Default", LoginAndUseTest.infoLine(info.out(), "Retention Period"));
    }

    @Test
    void createsWithUpstreamsDefaults() throws Exception {
        assertEquals(0, client.attic("cache", "create", "plain").code());
        JsonNode config = server.cacheConfig("plain");
        assertFalse(config.get("is_public").asBoolean());
        assertEquals(41, config.get("priority").asInt());
        assertEquals("[\"cache.nixos.org-1\"]", config.get("upstream_cache_key_names").toString());
    }

    @Test
    void configureChangesOnlyWhatIsGiven() throws Exception {
        assertEquals(0, client.attic("cache", "create", "proj", "--public").code());
        String oldKey = server.cacheConfig("proj").get("public_key").asText();

        ClientRun.Result configured = client.attic("cache", "configure", "proj", "--private", "--retention-period", "1w2d");
        assertEquals(0, configured.code(), configured.toString());
        JsonNode config = server.cacheConfig("proj");
        assertFalse(config.get("is_public").asBoolean());
        assertEquals(9 * 86_400, config.at("/retention_period/Period").asLong());
        assertEquals(41, config.get("priority").asInt(), "untouched");
        assertEquals(oldKey, config.get("public_key").asText(), "untouched");
        assertEquals("9d", LoginAndUseTest.infoLine(client.attic("cache", "info", "proj").out(), "Retention Period"));

        ClientRun.Result rekeyed = client.attic("cache", "configure", "proj", "--regenerate-keypair", "--retention-period", "global",
                "--priority", "10");
        assertEquals(0, rekeyed.code(), rekeyed.toString());
        config = server.cacheConfig("proj");
        assertFalse(config.get("public_key").asText().equals(oldKey), "a new key");
        assertTrue(rekeyed.out().contains(config.get("public_key").asText()), rekeyed.toString());
        assertEquals("\"Global\"", config.get("retention_period").toString());
        assertEquals(10, config.get("priority").asInt());
    }

    @Test
    void configureRefusesNothingToChangeAndABadPeriodWithoutCallingTheServer() {
        ClientRun.Result nothing = client.attic("cache", "configure", "proj");
        assertEquals(2, nothing.code(), nothing.toString());
        assertTrue(nothing.err().contains("nothing to change"), nothing.toString());
        ClientRun.Result badPeriod = client.attic("cache", "configure", "proj", "--retention-period", "30 days");
        assertEquals(2, badPeriod.code(), badPeriod.toString());
        assertTrue(badPeriod.err().contains("not a retention period"), badPeriod.toString());
        ClientRun.Result both = client.attic("cache", "configure", "proj", "--public", "--private");
        assertEquals(2, both.code(), both.toString());
    }

    @Test
    void destroyAsksOnATerminalAndNeedsNoConfirmElsewhere() throws Exception {
        assertEquals(0, client.attic("cache", "create", "doomed").code());

        ClientRun.Result notTerminal = client.attic("cache", "destroy", "doomed");
        assertEquals(2, notTerminal.code(), notTerminal.toString());
        assertTrue(notTerminal.err().contains("--no-confirm"), notTerminal.toString());

        ClientRun.Result declined = client.run(new ByteArrayInputStream("no\n".getBytes(StandardCharsets.UTF_8)), true,
                "cache", "destroy", "doomed");
        assertEquals(1, declined.code(), declined.toString());
        assertEquals(200, server.cacheConfigStatus("doomed"), "still there");

        ClientRun.Result confirmed = client.run(new ByteArrayInputStream("doomed\n".getBytes(StandardCharsets.UTF_8)), true,
                "cache", "destroy", "doomed");
        assertEquals(0, confirmed.code(), confirmed.toString());
        assertEquals(404, server.cacheConfigStatus("doomed"));

        assertEquals(0, client.attic("cache", "create", "doomed2").code());
        ClientRun.Result noConfirm = client.attic("cache", "destroy", "doomed2", "--no-confirm");
        assertEquals(0, noConfirm.code(), noConfirm.toString());
        assertEquals(404, server.cacheConfigStatus("doomed2"));
    }

    @Test
    void showsTheServersMessageForItsErrorsWithoutAStackTrace() {
        assertEquals(0, client.attic("cache", "create", "taken").code());
        ClientRun.Result twice = client.attic("cache", "create", "taken");
        assertEquals(1, twice.code(), twice.toString());
        assertTrue(twice.err().startsWith("error: "), twice.toString());
        assertFalse(twice.err().contains("Exception") || twice.err().contains("\tat "), twice.toString());

        ClientRun.Result missing = client.attic("cache", "info", "nosuch");
        assertEquals(1, missing.code(), missing.toString());
        assertTrue(missing.err().contains("attic cache create"), "a hint: " + missing);

        assertEquals(0, client.attic("login", "weak", server.endpoint.toString(), server.token("*", Permission.PULL)).code());
        ClientRun.Result denied = client.attic("cache", "create", "weak:other");
        assertEquals(1, denied.code(), denied.toString());
        assertFalse(denied.err().contains("Exception"), denied.toString());

        ClientRun.Result badName = client.attic("cache", "create", "Bad Name!");
        assertTrue(badName.code() != 0, badName.toString());
        assertFalse(badName.err().contains("Exception"), badName.toString());
    }

    @Test
    void unreachableServerIsAnErrorMessageNotACrash() {
        assertEquals(0, client.attic("login", "gone", "http://127.0.0.1:1/", "t").code());
        ClientRun.Result result = client.attic("cache", "info", "gone:x");
        assertEquals(1, result.code(), result.toString());
        assertTrue(result.err().contains("cannot reach http://127.0.0.1:1"), result.toString());
    }

    @Test
    void usageMistakesExitWithTwo() {
        assertEquals(2, client.attic().code());
        assertEquals(2, client.attic("cache").code());
        assertEquals(2, client.attic("pusj").code());
        assertEquals(2, client.attic("push", "c").code());
        assertEquals(0, client.attic("--help").code());
    }
}
