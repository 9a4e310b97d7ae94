package dev.attic.http.bench;

import dev.attic.cache.CacheName;
import dev.attic.engine.UploadPathInfo;
import dev.attic.engine.UploadResult;
import dev.attic.nix.Hash;
import dev.attic.nix.StorePath;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Upload ingest per core: {@code Attic.upload} of a NAR file (hash, validate, chunk, hash chunks,
 * zstd, store in a fresh {@link BenchEngine}: filesystem + SQLite), called directly, against
 * {@code zstd -T1 -LEVEL} of the same file into /dev/null, interleaved round by round. Then the
 * same with two different NARs uploaded at once, against two {@code zstd -T1} at once.
 *
 * <p>{@code IngestBenchmark WORK_DIR ROUNDS LEVEL NAR_FILE STORE_PATH}
 */
public final class IngestBenchmark {
    private static final double MIB = 1024.0 * 1024.0;

    private IngestBenchmark() {}

    record Run(double wallSeconds, double cpuSeconds, double systemSeconds, long bytes) {
        double mibPerSecond() { return bytes / MIB / wallSeconds; }
        double mibPerCpuSecond() { return bytes / MIB / cpuSeconds; }
    }

    record Nar(Path file, String storePath, Hash narHash, long narSize) {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int level = Integer.parseInt(args[2]);
        Nar nar = describe(Path.of(args[3]), args[4]);
        System.out.printf("NAR %s: %d bytes; zstd level %d; %d CPUs%n", nar.file(), nar.narSize(), level,
                Runtime.getRuntime().availableProcessors());

        // Steady state, not a fresh store: FileSystemStorage spreads files over 65,536 fan-out
        // directories, which a store in use has long created; a fresh store creates one (with two
        // more directory fsyncs) for nearly every chunk. So the rounds share one storage directory
        // whose fan-out directories exist (each round has fresh metadata, so nothing deduplicates
        // against an earlier round), and three uploads first warm up the JIT.
        Path storage = work.resolve("storage");
        BenchEngine.delete(storage);
        BenchEngine.create(work.resolve("fan-out"), storage).close();
        BenchEngine.delete(work.resolve("fan-out"));
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                Files.createDirectories(storage.resolve("objects").resolve(String.format("%02x/%02x", a, b)));
            }
        }
        IngestBenchmark.storage = storage;
        for (int w = 0; w < 3; w++) {
            upload(work.resolve("warm-up"), List.of(nar)); // not reported
        }
        List<Run> ours = new ArrayList<>();
        List<Run> zstd = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Run z = zstd(level, List.of(nar.file()), nar.narSize());
            Run o = upload(work.resolve("round-" + r), List.of(nar));
            zstd.add(z);
            ours.add(o);
            System.out.printf("round %d: upload %.2f s wall %.2f s CPU of which %.2f s system (%.0f MiB/s, %.0f MiB/CPU-s) | zstd -T1 -%d %.2f s wall %.2f s CPU (%.0f MiB/s, %.0f MiB/CPU-s)%n",
                    r + 1, o.wallSeconds(), o.cpuSeconds(), o.systemSeconds(), o.mibPerSecond(), o.mibPerCpuSecond(), level,
                    z.wallSeconds(), z.cpuSeconds(), z.mibPerSecond(), z.mibPerCpuSecond());
        }
        report("single upload", ours, zstd, level);
        if (!Boolean.parseBoolean(System.getProperty("bench.scaling", "true"))) {
            BenchEngine.delete(storage);
            return;
        }

        // several paths at once: two different NARs of the same size, generated (incompressible)
        Path a = work.resolve("gen-a.nar");
        Path b = work.resolve("gen-b.nar");
        long dataSize = nar.narSize() - 4096;
        Nar narA = generate(a, new GeneratedNar(dataSize, 11, false), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-gen-a");
        Nar narB = generate(b, new GeneratedNar(dataSize, 12, false), "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-gen-b");
        List<Run> one = new ArrayList<>();
        List<Run> two = new ArrayList<>();
        List<Run> zOne = new ArrayList<>();
        List<Run> zTwo = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            zOne.add(zstd(level, List.of(a), narA.narSize()));
            zTwo.add(zstd(level, List.of(a, b), narA.narSize() + narB.narSize()));
            one.add(upload(work.resolve("one-" + r), List.of(narA)));
            two.add(upload(work.resolve("two-" + r), List.of(narA, narB)));
            System.out.printf("round %d: 1 upload %.0f MiB/s, 2 at once %.0f MiB/s | 1 zstd %.0f MiB/s, 2 at once %.0f MiB/s%n",
                    r + 1, one.get(r).mibPerSecond(), two.get(r).mibPerSecond(), zOne.get(r).mibPerSecond(), zTwo.get(r).mibPerSecond());
        }
        report("two uploads at once", two, zTwo, level);
        System.out.printf("RESULT scaling: 2 uploads at once / 1 upload = %.2f (wall MiB/s, medians %.0f / %.0f); zstd: %.2f (%.0f / %.0f); CPU used per wall second: 1 upload %.2f, 2 uploads %.2f%n",
                median(two, Run::mibPerSecond) / median(one, Run::mibPerSecond), median(two, Run::mibPerSecond), median(one, Run::mibPerSecond),
                median(zTwo, Run::mibPerSecond) / median(zOne, Run::mibPerSecond), median(zTwo, Run::mibPerSecond), median(zOne, Run::mibPerSecond),
                median(one, r -> r.cpuSeconds() / r.wallSeconds()), median(two, r -> r.cpuSeconds() / r.wallSeconds()));
        Files.delete(a);
        Files.delete(b);
        BenchEngine.delete(storage);
    }

    private static void report(String what, List<Run> ours, List<Run> zstd, int level) {
        double oWall = median(ours, Run::mibPerSecond);
        double oCpu = median(ours, Run::mibPerCpuSecond);
        double zWall = median(zstd, Run::mibPerSecond);
        double zCpu = median(zstd, Run::mibPerCpuSecond);
        System.out.printf("RESULT ingest (%s), medians of %d: ours %.0f MiB/s wall, %.0f MiB per CPU-second | zstd -T1 -%d %.0f MiB/s wall, %.0f MiB per CPU-second | ratio per CPU-second %.2f, wall %.2f%n",
                what, ours.size(), oWall, oCpu, level, zWall, zCpu, oCpu / zCpu, oWall / zWall);
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The storage directory shared by the rounds. */
    private static Path storage;

    /** Uploads the NARs at once (one thread each) into a fresh engine (fresh metadata, the shared storage); CPU is the whole JVM's. */
    static Run upload(Path dir, List<Nar> nars) throws Exception {
        BenchEngine.delete(dir);
        long bytes = nars.stream().mapToLong(Nar::narSize).sum();
        try (BenchEngine engine = BenchEngine.create(dir, storage)) {
            ExecutorService callers = Executors.newFixedThreadPool(nars.size());
            try {
                java.util.Map<Long, Long> threads0 = CpuClock.threads();
                long cpu0 = CpuClock.process();
                long sys0 = CpuClock.processSystem();
                long t0 = System.nanoTime();
                List<Future<UploadResult>> results = new ArrayList<>();
                for (Nar nar : nars) {
                    results.add(callers.submit(() -> uploadOne(engine, nar)));
                }
                for (Future<UploadResult> result : results) {
                    UploadResult done = result.get();
                    if (done.kind() != UploadResult.Kind.UPLOADED) {
                        throw new AssertionError("expected a fresh upload, got " + done);
                    }
                }
                long t1 = System.nanoTime();
                long cpu1 = CpuClock.process();
                long sys1 = CpuClock.processSystem();
                System.out.println("  CPU by thread: " + CpuClock.byThreadGroup(threads0, CpuClock.threads()));
                return new Run((t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, (sys1 - sys0) / 1e9, bytes);
            } finally {
                callers.shutdown();
            }
        } finally {
            BenchEngine.delete(dir);
        }
    }

    static UploadResult uploadOne(BenchEngine engine, Nar nar) throws IOException {
        StorePath path = StorePath.parse(nar.storePath(), StorePath.DEFAULT_STORE_DIR);
        UploadPathInfo info = new UploadPathInfo(path.hashPart().value(), nar.storePath(), List.of(), Optional.empty(),
                List.of(), Optional.empty(), Optional.of("x86_64-linux"), nar.narHash().toString(), nar.narSize());
        try (InputStream in = Files.newInputStream(nar.file())) {
            return engine.attic.upload(engine.admin, CacheName.of(BenchEngine.CACHE), info, in);
        }
    }

    /** zstd -T1 -LEVEL of each file at once, output discarded; CPU is the children's. */
    static Run zstd(int level, List<Path> files, long bytes) throws Exception {
        long cpu0 = CpuClock.children();
        long t0 = System.nanoTime();
        List<Process> running = new ArrayList<>();
        for (Path file : files) {
            running.add(new ProcessBuilder("zstd", "-T1", "-" + level, "-q", "-c", file.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        for (Process p : running) {
            if (p.waitFor() != 0) {
                throw new IOException("zstd failed: " + p.exitValue());
            }
        }
        long t1 = System.nanoTime();
        long cpu1 = CpuClock.children();
        return new Run((t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, 0, bytes);
    }

    static Nar describe(Path file, String storePath) throws IOException {
        MessageDigest sha = GeneratedNar.sha256();
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new Nar(file, storePath, Hash.of(sha), Files.size(file));
    }

    static Nar generate(Path file, GeneratedNar generated, String name) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            generated.writeTo(out);
        }
        return describe(file, StorePath.DEFAULT_STORE_DIR + "/" + name);
    }
}
