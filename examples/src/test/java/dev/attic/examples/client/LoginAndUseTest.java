package dev.attic.examples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginAndUseTest {
    @TempDir
    Path dir;

    private TestServer server;
    private ClientRun client;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir.resolve("server"), null);
        client = new ClientRun(dir.resolve("home"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private JsonNode config() throws Exception {
        return new TomlMapper().readTree(client.configHome().resolve("attic/config.toml").toFile());
    }

    @Test
    void loginWritesUpstreamsConfigFormatAndTheFirstServerBecomesTheDefault() throws Exception {
        ClientRun.Result first = client.attic("login", "main", server.endpoint.toString(), "tok-1");
        assertEquals(0, first.code(), first.toString());
        ClientRun.Result second = client.attic("login", "other", "https://other.example.com", "tok-2");
        assertEquals(0, second.code(), second.toString());

        JsonNode config = config();
        assertEquals("main", config.get("default-server").asText());
        assertEquals(server.endpoint.toString(), config.at("/servers/main/endpoint").asText());
        assertEquals("tok-1", config.at("/servers/main/token").asText());
        assertEquals("https://other.example.com/", config.at("/servers/other/endpoint").asText());
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(client.configHome().resolve("attic/config.toml")), "the file holds tokens");

        ClientRun.Result makeDefault = client.attic("login", "other", "https://other.example.com", "tok-3", "--set-default");
        assertEquals(0, makeDefault.code(), makeDefault.toString());
        assertEquals("other", config().get("default-server").asText());
        assertEquals("tok-3", config().at("/servers/other/token").asText());
        assertEquals("tok-1", config().at("/servers/main/token").asText(), "the other server is kept");
    }

    @Test
    void loginRejectsAnEndpointThatIsNotAnHttpUrl() {
        ClientRun.Result result = client.attic("login", "x", "ftp://example.com", "t");
        assertEquals(2, result.code(), result.toString());
        assertTrue(result.err().contains("http:// or https://"), result.toString());
        assertFalse(Files.exists(client.configHome().resolve("attic/config.toml")));
    }

    @Test
    void useWritesSubstituterKeyAndNetrcOnceAndKeepsTheUsersLines() throws Exception {
        assertEquals(0, client.attic("login", "main", server.endpoint.toString(), server.adminToken()).code());
        assertEquals(0, client.attic("cache", "create", "team").code());
        Path nixConf = client.configHome().resolve("nix/nix.conf");
        Files.createDirectories(nixConf.getParent());
        Files.writeString(nixConf, "# my settings\nkeep-outputs = true  # for direnv\nsubstituters = https://mine.example.org\n");

        ClientRun.Result used = client.attic("use", "main:team");
        assertEquals(0, used.code(), used.toString());
        String publicKey = server.cacheConfig("team").get("public_key").asText();
        String substituter = server.endpoint + "team";

        String expected = "# my settings\n"
                + "keep-outputs = true  # for direnv\n"
                + "substituters = " + substituter + " https://mine.example.org\n"
                + "trusted-public-keys = " + publicKey + " cache.nixos.org-1:6NCHdD59X431o0gWypbMrAURkbJ16ZPMQFGspcDShjY=\n"
                + "netrc-file = " + client.configHome().resolve("nix/netrc") + "\n";
        assertEquals(expected, Files.readString(nixConf));
        assertEquals("machine 127.0.0.1 password " + readToken() + "\n", Files.readString(client.configHome().resolve("nix/netrc")));

        ClientRun.Result again = client.attic("use", "team");
        assertEquals(0, again.code(), again.toString());
        assertEquals(expected, Files.readString(nixConf), "a second use changes nothing");
        assertEquals(1, Files.readAllLines(client.configHome().resolve("nix/netrc")).size());
    }

    @Test
    void useOnAFreshHomeKeepsCacheNixosOrgAfterTheNewCache() throws Exception {
        assertEquals(0, client.attic("login", "main", server.endpoint.toString(), server.adminToken()).code());
        assertEquals(0, client.attic("cache", "create", "fresh", "--public").code());
        // an anonymous login: no token, so no netrc
        assertEquals(0, client.attic("login", "anon", server.endpoint.toString()).code());
        ClientRun.Result used = client.attic("use", "anon:fresh");
        assertEquals(0, used.code(), used.toString());
        String conf = Files.readString(client.configHome().resolve("nix/nix.conf"));
        assertTrue(conf.startsWith("substituters = " + server.endpoint + "fresh https://cache.nixos.org\n"), conf);
        assertFalse(conf.contains("netrc-file"), conf);
        assertFalse(Files.exists(client.configHome().resolve("nix/netrc")));
    }

    @Test
    void useOfAnUnknownServerSaysHowToLogIn() {
        ClientRun.Result result = client.attic("use", "nowhere:team");
        assertEquals(2, result.code(), result.toString());
        assertTrue(result.err().contains("attic login nowhere"), result.toString());
        assertFalse(result.err().contains("Exception"), result.toString());
    }

    @Test
    void leavesANixConfThatIsASymlinkAloneAndPrintsTheLinesToAdd() throws Exception {
        assertEquals(0, client.attic("login", "main", server.endpoint.toString(), server.adminToken()).code());
        assertEquals(0, client.attic("cache", "create", "linked").code());
        Path managed = Files.writeString(dir.resolve("managed-nix.conf"), "max-jobs = 2\n");
        Path nixConf = client.configHome().resolve("nix/nix.conf");
        Files.createDirectories(nixConf.getParent());
        Files.createSymbolicLink(nixConf, managed);

        ClientRun.Result used = client.attic("use", "linked");
        assertEquals(1, used.code(), used.toString());
        assertTrue(used.err().contains("symbolic link"), used.toString());
        assertTrue(used.err().contains("substituters = " + server.endpoint + "linked"), "the lines to add: " + used);
        assertEquals("max-jobs = 2\n", Files.readString(managed), "untouched");
        assertTrue(Files.isSymbolicLink(nixConf));
    }

    private String readToken() throws Exception {
        return config().at("/servers/main/token").asText();
    }

    static String infoLine(String info, String label) {
        String line = info.lines().filter(l -> l.strip().startsWith(label + ":")).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' in:\n" + info));
        return line.substring(line.indexOf(':') + 2);
    }

}
