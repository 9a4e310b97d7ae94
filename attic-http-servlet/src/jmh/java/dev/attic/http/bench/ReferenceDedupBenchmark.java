package dev.attic.http.bench;

import dev.attic.cache.CacheName;
import dev.attic.chunking.ChunkingSettings;
import dev.attic.engine.UploadResult;
import dev.attic.nar.NarWriter;
import dev.attic.nix.Hash;
import dev.attic.nix.Nix32;
import dev.attic.references.ReferenceTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.SplittableRandom;

/**
 * Reference-aware chunking against plain FastCDC: a path of {@code SIZE_MIB} MiB whose binary
 * embeds a dependency's store path every {@code EVERY} bytes (pseudo-random, incompressible data
 * around it) is built twice, against two builds of the dependency that differ only in their hash.
 * Both NARs go into one fresh engine (filesystem + SQLite, FastCDC 16/64/256 KiB, zstd 8), once with
 * plain chunking and once reference-aware, and the benchmark reports what the second NAR added:
 * new chunk bytes (uncompressed, from the chunk rows; compressed, on disk) plus, reference-aware,
 * its encoded reference table. Each download of the second NAR is checked against its NarHash.
 *
 * <p>{@code ReferenceDedupBenchmark WORK_DIR [SIZE_MIB (64)] [EVERY (16384)]}
 */
public final class ReferenceDedupBenchmark {
    private static final double MIB = 1024.0 * 1024.0;

    private ReferenceDedupBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        long size = (args.length > 1 ? Long.parseLong(args[1]) : 64) << 20;
        int every = args.length > 2 ? Integer.parseInt(args[2]) : 16_384;
        Files.createDirectories(work);
        String dep1 = "/nix/store/" + hash(1) + "-libdep-1.0";
        String dep2 = "/nix/store/" + hash(2) + "-libdep-1.0";
        IngestBenchmark.Nar v1 = write(work.resolve("app-v1.nar"), new LinkedNar(size, 7, dep1, every),
                "/nix/store/" + hash(11) + "-app-1.0");
        IngestBenchmark.Nar v2 = write(work.resolve("app-v2.nar"), new LinkedNar(size, 7, dep2, every),
                "/nix/store/" + hash(12) + "-app-1.0");
        System.out.printf("NARs: %d bytes each, %s then %s embedded every %d bytes (%d times)%n",
                v2.narSize(), dep1, dep2, every, size / every);
        try {
            double plain = run(work, "plain FastCDC (16/64/256 KiB)", ChunkingSettings.DEFAULT, v1, v2);
            double aware = run(work, "reference-aware FastCDC (16/64/256 KiB)", ChunkingSettings.DEFAULT.withReferenceAware(true), v1, v2);
            System.out.printf("RESULT refs goal: reference-aware stores <= 5%% of the second NAR: %s (%.2f%%; plain %.2f%%)%n",
                    aware <= 0.05 ? "met" : "NOT met", 100 * aware, 100 * plain);
        } finally {
            Files.deleteIfExists(v1.file());
            Files.deleteIfExists(v2.file());
        }
    }

    /** Uploads v1 then v2 into a fresh engine; returns what v2 added as a fraction of its size. */
    private static double run(Path work, String name, ChunkingSettings chunking, IngestBenchmark.Nar v1,
            IngestBenchmark.Nar v2) throws Exception {
        Path dir = work.resolve("engine");
        BenchEngine.delete(dir);
        try (BenchEngine engine = BenchEngine.create(dir, dir.resolve("storage"), chunking)) {
            long firstCpu0 = CpuClock.process();
            IngestBenchmark.uploadOne(engine, v1);
            double firstCpu = (CpuClock.process() - firstCpu0) / 1e9;
            System.out.printf("RESULT refs %s: the first NAR, stored whole, took %.1f CPU-s to upload%n", name, firstCpu);
            long storedBefore = engine.storedBytes();
            long rawBefore = DedupBenchmark.chunkBytes(engine);
            long cpu0 = CpuClock.process();
            long t0 = System.nanoTime();
            UploadResult second = IngestBenchmark.uploadOne(engine, v2);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (CpuClock.process() - cpu0) / 1e9;
            long stored = engine.storedBytes() - storedBefore;
            long raw = DedupBenchmark.chunkBytes(engine) - rawBefore;
            long narId = engine.metadata.findValidNar(v2.narHash().toString()).orElseThrow().id();
            long table = engine.metadata.referenceTable(narId).map(t -> (long) t.encode().length).orElse(0L);
            int references = engine.metadata.referenceTable(narId).map(ReferenceTable::size).orElse(0);

            MessageDigest sha = GeneratedNar.sha256();
            long d0 = System.nanoTime();
            try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
                engine.attic.nar(engine.admin, CacheName.of(BenchEngine.CACHE),
                        v2.storePath().substring("/nix/store/".length(), "/nix/store/".length() + 32), false).writeTo(out);
            }
            double download = (System.nanoTime() - d0) / 1e9;
            boolean verified = Hash.of(sha).equals(v2.narHash());

            double fraction = (double) (raw + table) / v2.narSize();
            System.out.printf("RESULT refs %s: the second NAR (%.1f MiB) added %.2f MiB of new chunks uncompressed"
                            + " + %d bytes of reference table (%d references) = %.2f%% of its size; %.2f MiB on disk (zstd);"
                            + " upload %s, frac_deduplicated %.4f, %.1f s wall / %.1f CPU-s; download %.1f s, NarHash %s%n",
                    name, v2.narSize() / MIB, raw / MIB, table, references, 100 * fraction, stored / MIB,
                    second.kind().wireName(), second.fractionDeduplicated(), seconds, cpu, download,
                    verified ? "verified" : "MISMATCH");
            if (!verified) {
                throw new AssertionError("the download of the second NAR does not have its NarHash");
            }
            return fraction;
        } finally {
            BenchEngine.delete(dir);
        }
    }

    private static IngestBenchmark.Nar write(Path file, LinkedNar nar, String storePath) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            nar.writeTo(out);
        }
        return IngestBenchmark.describe(file, storePath);
    }

    private static String hash(long seed) {
        byte[] raw = new byte[20];
        new SplittableRandom(seed * 7919).nextBytes(raw);
        return Nix32.encode(raw);
    }

    /**
     * A NAR made on the fly: {@code bin/app}, {@code size} seeded pseudo-random bytes with
     * {@code dependency} written every {@code every} bytes, and
     * {@code nix-support/propagated-build-inputs} naming it once, as a linked binary would.
     */
    record LinkedNar(long size, long seed, String dependency, int every) {
        long writeTo(OutputStream out) throws IOException {
            NarWriter nar = new NarWriter(out);
            nar.directory();
            nar.entry("bin");
            nar.directory();
            nar.entry("app");
            nar.regularFile(true, size, contents());
            nar.endDirectory();
            nar.entry("nix-support");
            nar.directory();
            nar.entry("propagated-build-inputs");
            nar.regularFile(false, (dependency + "\n").getBytes(StandardCharsets.US_ASCII));
            nar.endDirectory();
            nar.endDirectory();
            return nar.finish();
        }

        private InputStream contents() {
            byte[] path = dependency.getBytes(StandardCharsets.US_ASCII);
            return new InputStream() {
                private final SplittableRandom random = new SplittableRandom(seed);
                private final byte[] block = new byte[4096];
                private long blockStart = -block.length;
                private int pos = block.length;

                @Override
                public int read() {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (pos == block.length) {
                        blockStart += block.length;
                        fill();
                        pos = 0;
                    }
                    int n = Math.min(len, block.length - pos);
                    System.arraycopy(block, pos, b, off, n);
                    pos += n;
                    return n;
                }

                /** Random bytes, with every path occurrence that overlaps this block written over them. */
                private void fill() {
                    for (int i = 0; i < block.length; i += 8) {
                        long v = random.nextLong();
                        for (int k = 0; k < 8; k++) {
                            block[i + k] = (byte) (v >>> (8 * k));
                        }
                    }
                    long first = Math.max(0, (blockStart - every / 2 - path.length) / every);
                    for (long k = first; ; k++) {
                        long at = k * every + every / 2;
                        if (at >= blockStart + block.length || at + path.length > size) {
                            break;
                        }
                        for (int j = 0; j < path.length; j++) {
                            long p = at + j;
                            if (p >= blockStart && p < blockStart + block.length) {
                                block[(int) (p - blockStart)] = path[j];
                            }
                        }
                    }
                }
            };
        }
    }
}
