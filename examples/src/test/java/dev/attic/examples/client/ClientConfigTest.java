package dev.attic.examples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attic.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class ClientConfigTest {
    @Property(tries = 300)
    void anyNameAndTokenSurviveSavingAndLoading(@ForAll @StringLength(min = 1, max = 30) String name,
            @ForAll @StringLength(max = 60) String token) throws Exception {
        Path dir = Files.createTempDirectory("client-config");
        try {
            Path file = dir.resolve("config.toml");
            ClientConfig config = new ClientConfig(Optional.empty(), Map.of())
                    .withServer(name, ServerConfig.of("https://cache.example.com/sub/", token), false)
                    .withServer("second", ServerConfig.of("http://localhost:8080", "t"), false);
            config.save(file);
            ClientConfig loaded = ClientConfig.load(file);
            assertEquals(config, loaded, Files.readString(file));
            assertEquals(Optional.of(name), loaded.defaultServer(), "the first server is the default");
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void readsAFileWrittenByHandInUpstreamsFormat() throws Exception {
        Path file = Files.createTempFile("config", ".toml");
        Files.writeString(file, """
                default-server = "prod"

                [servers.prod]
                endpoint = "https://attic.example.com"
                token = "abc"

                [servers."with space"]
                endpoint = "http://10.0.0.1:8080/"
                """);
        ClientConfig config = ClientConfig.load(file);
        assertEquals(Optional.of("prod"), config.defaultServer());
        assertEquals("https://attic.example.com/", config.servers().get("prod").endpoint().toString());
        assertEquals(Optional.of("abc"), config.servers().get("prod").token());
        assertEquals(Optional.empty(), config.servers().get("with space").token());
        assertEquals("prod", config.resolve(CacheRef.parse("main")).getKey());
        assertEquals("with space", config.resolve(CacheRef.parse("with space:main")).getKey());
        Files.delete(file);
    }

    @Test
    void aCacheOnAnUnknownServerOrWithoutADefaultSaysWhatToDo() {
        ClientConfig empty = new ClientConfig(Optional.empty(), Map.of());
        BadInputException none = Assertions.assertThrows(BadInputException.class, () -> empty.resolve(CacheRef.parse("c")));
        Assertions.assertTrue(none.getMessage().contains("attic login"), none.getMessage());
        ClientConfig noDefault = new ClientConfig(Optional.empty(), Map.of("a", ServerConfig.of("http://a", null)));
        BadInputException which = Assertions.assertThrows(BadInputException.class, () -> noDefault.resolve(CacheRef.parse("c")));
        Assertions.assertTrue(which.getMessage().contains("SERVER:c"), which.getMessage());
    }
}
