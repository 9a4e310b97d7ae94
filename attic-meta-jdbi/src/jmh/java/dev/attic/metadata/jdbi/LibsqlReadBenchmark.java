package dev.attic.metadata.jdbi;

import dev.attic.metadata.CacheConfig;
import dev.attic.metadata.MetadataStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One metadata read (findCache, an indexed single-row query) on libSQL: through the Hrana driver
 * to the primary, from the local replica, and, as the baseline measured in the same run, on a
 * SQLite file. Prints the median of each and the ratios. Not a unit test; run against a sqld:
 *
 * <pre>
 * java -cp "$(cat cp.txt):attic-meta-jdbi/target/classes:attic-meta-jdbi/target/test-classes" \
 *     dev.attic.metadata.jdbi.LibsqlReadBenchmark http://127.0.0.1:PORT 2000
 * </pre>
 *
 * The sqld it names must be empty or hold only Attic metadata (its tables are used as they are).
 */
public final class LibsqlReadBenchmark {
    private LibsqlReadBenchmark() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int reads = Integer.parseInt(args[1]);
        CacheConfig config = new CacheConfig(true, "/nix/store", 40, List.of(), "bench:secret", null);
        Path dir = Files.createTempDirectory("attic-libsql-bench");
        try (MetadataStore primary = JdbiMetadata.libsql(url, null)) {
            if (primary.findCache("bench").isEmpty()) {
                primary.createCache("bench", config);
            }
        }
        try (MetadataStore sqlite = JdbiMetadata.sqlite(dir.resolve("baseline.db"));
                MetadataStore primary = JdbiMetadata.libsql(url, null);
                MetadataStore replica = JdbiMetadata.builder().libsql(url, null)
                        .localReplica(dir.resolve("replica.db"), Duration.ofSeconds(60)).build()) {
            sqlite.createCache("bench", config);
            Thread.sleep(3_000); // the replica's first sync, which starts in the background
            double base = median(sqlite, reads);
            double remote = median(primary, reads);
            double local = median(replica, reads);
            System.out.printf(Locale.ROOT, "findCache median over %d reads: SQLite %.1f us, libSQL primary %.1f us"
                    + " (%.0fx SQLite), libSQL local replica %.1f us (%.1fx SQLite, primary/replica %.0fx)%n",
                    reads, base, remote, remote / base, local, local / base, remote / local);
        }
    }

    private static double median(MetadataStore store, int reads) {
        for (int i = 0; i < Math.min(500, reads); i++) {
            store.findCache("bench").orElseThrow(); // warm-up
        }
        long[] nanos = new long[reads];
        for (int i = 0; i < reads; i++) {
            long start = System.nanoTime();
            store.findCache("bench").orElseThrow();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[reads / 2] / 1000.0;
    }
}
