package dev.attic.metadata.libsql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What the client does without a libSQL server: URLs, deadlines, HTTP/1.1, unreachable hosts. */
class HranaClientOfflineTest {
    @Test
    void libsqlUrlsMeanHttpsAndOthersAreRefused() {
        assertEquals("https://db-me.turso.io", HranaClient.httpUrl("libsql://db-me.turso.io").toString());
        assertEquals("http://127.0.0.1:8080", HranaClient.httpUrl("http://127.0.0.1:8080/").toString());
        for (String bad : new String[] {"", "ws://host", "file:/tmp/x.db", "libsql://host?authToken=secret", "jdbc:sqlite:x"}) {
            assertThrows(IllegalArgumentException.class, () -> HranaClient.httpUrl(bad), "accepted " + bad);
        }
        assertThrows(BadInputException.class, () -> LibsqlDataSource.open("postgres://x", null, Duration.ofSeconds(1), 2));
    }

    @Test
    void aServerThatNeverAnswersIsATimeoutWithinTheDeadline() throws Exception {
        List<String> requestLines = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread silent = new Thread(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (true) {
                        Socket s = server.accept();
                        held.add(s); // read the head, then never answer
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                                StandardCharsets.ISO_8859_1));
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            requestLines.add(line);
                        }
                    }
                } catch (java.io.IOException closed) {
                    held.forEach(h -> {
                        try {
                            h.close();
                        } catch (java.io.IOException ignored) {
                            // the test is over
                        }
                    });
                }
            });
            silent.setDaemon(true);
            silent.start();
            try (HranaClient client = new HranaClient("http://127.0.0.1:" + server.getLocalPort(), "tok",
                    Duration.ofMillis(500))) {
                long start = System.nanoTime();
                SQLException e = assertThrows(SQLException.class, () -> client.execute(Stmt.of("SELECT 1")));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertInstanceOf(SQLTimeoutException.class, e);
                assertTrue(millis < 5_000, "gave up after " + millis + " ms");
            }
        }
        assertTrue(requestLines.get(0).startsWith("POST /v3/pipeline HTTP/1.1"), requestLines.toString());
        assertTrue(requestLines.contains("Authorization: Bearer tok"), requestLines.toString());
        assertFalse(requestLines.stream().anyMatch(l -> l.toLowerCase().startsWith("upgrade")),
                "asked for an HTTP/2 upgrade: " + requestLines);
    }

    @Test
    void anUnreachableServerIsATransientConnectionError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (HranaClient client = new HranaClient("http://127.0.0.1:" + port, null, Duration.ofSeconds(2))) {
            SQLException e = assertThrows(SQLException.class, () -> client.execute(Stmt.of("SELECT 1")));
            assertInstanceOf(SQLTransientConnectionException.class, e);
            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        }
    }
}
