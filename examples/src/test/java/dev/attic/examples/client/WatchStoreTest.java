package dev.attic.examples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attic watch-store}: a path built while it watches reaches the cache; paths that were there already do not. */
class WatchStoreTest {
    @TempDir
    Path dir;

    private TestServer server;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        LocalNix.require();
        server = new TestServer(dir.resolve("server"), null);
        env.put("HOME", dir.resolve("home").toString());
        env.put("PATH", System.getenv("PATH"));
        ClientRun login = new ClientRun(dir.resolve("home"));
        assertEquals(0, login.attic("login", "main", server.endpoint.toString(), server.adminToken()).code());
        assertEquals(0, login.attic("cache", "create", "watched").code());
        env.put("XDG_CONFIG_HOME", login.configHome().toString());
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pushesAPathBuiltWhileWatchingAndStopsWhenInterrupted() throws Exception {
        String before = LocalNix.buildUniquePath("attic-client-before-watch");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger code = new AtomicInteger(-1);
        Thread watcher = new Thread(() -> code.set(Attic.run(new String[] {"watch-store", "watched", "--poll-interval", "200"},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, false)));
        watcher.start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!out.toString(StandardCharsets.UTF_8).contains("Watching") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Watching /nix/store"), out.toString(StandardCharsets.UTF_8)
                    + err.toString(StandardCharsets.UTF_8));

            String built = LocalNix.buildUniquePath("attic-client-watched");
            String hash = Path.of(built).getFileName().toString().substring(0, 32);
            while (!server.missing("watched", List.of(hash)).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(List.of(), server.missing("watched", List.of(hash)), "pushed within a minute:\n" + out + err);
            String beforeHash = Path.of(before).getFileName().toString().substring(0, 32);
            assertEquals(List.of(beforeHash), server.missing("watched", List.of(beforeHash)), "a path from before is left alone");
        } finally {
            watcher.interrupt();
            watcher.join(60_000);
        }
        assertFalse(watcher.isAlive(), "stopped when interrupted");
        assertEquals(0, code.get(), out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        // other builds on this machine may add paths of their own while the test watches
        assertTrue(out.toString(StandardCharsets.UTF_8).matches("(?s).*Pushed [1-9][0-9]* paths? .*"), out.toString(StandardCharsets.UTF_8));
    }
}
