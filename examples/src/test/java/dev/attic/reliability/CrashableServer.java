package dev.attic.reliability;

import dev.attic.auth.TokenKey;
import dev.attic.chunking.ChunkingSettings;
import dev.attic.engine.Attic;
import dev.attic.http.AtticServlet;
import dev.attic.metadata.jdbi.JdbiMetadata;
import dev.attic.storage.fs.FileSystemStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A server for {@link KillNineTest} to run in its own JVM and kill: the servlet in Jetty over the
 * filesystem + SQLite in the data directory given as the first argument, with the shortest upload
 * lease (10 s), a 5 s reference grace and a garbage collection every second. Prints {@code PORT <n>} once it listens.
 */
public final class CrashableServer {
    static final byte[] SECRET = "kill-nine-secret-kill-nine-secret-kill-nine".getBytes(StandardCharsets.UTF_8);
    static final Duration LEASE = Duration.ofSeconds(10);

    private CrashableServer() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        FileSystemStorage storage = FileSystemStorage.at(data.resolve("storage"));
        // a short reference grace (default two minutes), so that the test sees GC finish within its budget
        JdbiMetadata metadata = JdbiMetadata.builder().sqlite(data.resolve("attic.db"))
                .statementTimeout(Duration.ofSeconds(3)).referenceGrace(Duration.ofSeconds(5)).build();
        Attic attic = Attic.builder().storage(storage).metadata(metadata)
                .tokenVerifier(TokenKey.hs256(SECRET).verifier(Clock.systemUTC()))
                .chunking(new ChunkingSettings(16 * 1024, 4 * 1024, 16 * 1024, 64 * 1024))
                .uploadLease(LEASE).build();
        attic.scheduleGarbageCollection(Duration.ofSeconds(1));
        JettyServer server = new JettyServer(AtticServlet.builder(attic).build(), 0);
        System.out.println("PORT " + server.base().getPort());
        System.out.flush();
        Thread.currentThread().join(); // until killed
    }
}
