package dev.attic.chunking;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the chunker alone, of SHA-256 alone, and of both, over the same 256 MiB with
 * upstream Attic's default sizes (16/64/256 KiB). One operation is one MiB, so JMH's ops/s are
 * MiB/s. Run with {@code mvn -B -o -q -pl attic-core -Pbench test-compile exec:exec}; pass
 * {@code -Djmh.args="-p file=PATH"} to chunk a file (at least 256 MiB; its first 256 MiB are used)
 * instead of seeded pseudo-random bytes.
 *
 * <p>Other processes may share the CPU while this runs. Besides JMH's wall-clock score, each
 * iteration therefore prints {@code cpu-time throughput}: the MiB processed per second of CPU time
 * the benchmark thread itself received, which contention distorts much less.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ChunkingBenchmark.SIZE_MIB)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
public class ChunkingBenchmark {

    static final int SIZE_MIB = 256;

    @Param("")
    public String file;

    private byte[] data;
    private FastCdc chunker;
    private MessageDigest sha256;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long cpuAtStart;
    private long invocations;

    @Setup
    public void setUp() throws IOException, NoSuchAlgorithmException {
        data = new byte[SIZE_MIB << 20];
        if (file.isEmpty()) {
            new SplittableRandom(1).nextBytes(data);
        } else {
            try (var in = Files.newInputStream(Path.of(file))) {
                if (in.readNBytes(data, 0, data.length) != data.length) {
                    throw new IOException(file + " is shorter than " + SIZE_MIB + " MiB");
                }
            }
        }
        chunker = FastCdc.of(ChunkingSettings.DEFAULT);
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    @Setup(Level.Iteration)
    public void startCpuClock() {
        invocations = 0;
        cpuAtStart = threads.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void reportCpuTimeThroughput() {
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuAtStart) / 1e9;
        System.out.printf("cpu-time throughput: %.0f MiB/s (%d x %d MiB in %.2f CPU-s)%n",
                invocations * SIZE_MIB / cpuSeconds, invocations, SIZE_MIB, cpuSeconds);
    }

    /** The cut-point search alone, over the array in memory: no stream, no copy, no hash. */
    @Benchmark
    public long cutPoints() {
        invocations++;
        long chunks = 0;
        int max = chunker.maxSize();
        for (int start = 0; start < data.length; chunks++) {
            start += chunker.cut(data, start, Math.min(max, data.length - start));
        }
        return chunks;
    }

    /** The chunker as the engine runs it, reading an input stream into its buffer, without hashing. */
    @Benchmark
    public long chunkStream() throws IOException {
        invocations++;
        long chunks = 0;
        ChunkReader reader = chunker.split(new ByteArrayInputStream(data));
        while (reader.next()) {
            chunks++;
        }
        return chunks;
    }

    /** SHA-256 alone over the same bytes, in 64 KiB updates (the average chunk size). */
    @Benchmark
    public byte[] sha256() {
        invocations++;
        for (int at = 0; at < data.length; at += 65_536) {
            sha256.update(data, at, 65_536);
        }
        return sha256.digest();
    }

    /** The chunker reading an input stream and hashing every chunk, as the engine needs. */
    @Benchmark
    public long chunkAndSha256() throws IOException {
        invocations++;
        long hashBytes = 0;
        ChunkReader reader = chunker.split(new ByteArrayInputStream(data));
        while (reader.next()) {
            hashBytes += reader.sha256().asBytes()[0];
        }
        return hashBytes;
    }
}
