package dev.attic.references;

import dev.attic.chunking.ChunkReader;
import dev.attic.chunking.ChunkingSettings;
import dev.attic.chunking.FastCdc;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
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
 * What reference-aware chunking costs in CPU: the plain chunker over a stream (the baseline),
 * the masking stream alone, masking then chunking (what an upload runs), and restoring (what a
 * download adds), over the same 64 MiB of pseudo-random bytes with a store path written every
 * {@code every} bytes. One operation is one MiB, so JMH's ops/s are MiB/s. Run with
 * {@code mvn -B -o -q -pl attic-core -Pbench test-compile exec:exec -Djmh.args=ReferenceMaskingBenchmark}.
 *
 * <p>Each iteration also prints {@code cpu-time throughput}: MiB per second of CPU time the
 * benchmark thread received, which other processes sharing the CPU distort much less.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ReferenceMaskingBenchmark.SIZE_MIB)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 6, time = 2)
public class ReferenceMaskingBenchmark {
    static final int SIZE_MIB = 64;

    /** Bytes between two embedded store paths (16 KiB: the benchmark of docs/chunking.md; 1 KiB: dense). */
    @Param({"16384", "1024"})
    public int every;

    private byte[] data;
    private byte[] masked;
    private ReferenceTable table;
    private FastCdc chunker;
    private byte[] sink;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long cpuAtStart;
    private long invocations;

    @Setup
    public void setUp() throws IOException {
        data = new byte[SIZE_MIB << 20];
        new SplittableRandom(1).nextBytes(data);
        byte[] path = "/nix/store/2ab9s0ih703f3pqjqnql3b8hrm35c4vz-libdep-1.0/lib".getBytes(StandardCharsets.US_ASCII);
        for (int at = every / 2; at + path.length <= data.length; at += every) {
            System.arraycopy(path, 0, data, at, path.length);
        }
        chunker = FastCdc.of(ChunkingSettings.DEFAULT);
        sink = new byte[64 * 1024];
        try (ReferenceMaskingInputStream in = new ReferenceMaskingInputStream(new ByteArrayInputStream(data), "/nix/store")) {
            masked = in.readAllBytes();
            table = in.table();
        }
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

    /** The baseline: the chunker as the engine runs it over a stream, no masking. */
    @Benchmark
    public long plainChunkStream() throws IOException {
        invocations++;
        return chunks(new ByteArrayInputStream(data));
    }

    /** Masking then chunking: what a reference-aware upload adds before hashing and compressing. */
    @Benchmark
    public long maskedChunkStream() throws IOException {
        invocations++;
        ReferenceMaskingInputStream in = new ReferenceMaskingInputStream(new ByteArrayInputStream(data), "/nix/store");
        long chunks = chunks(in);
        return chunks + in.table().size();
    }

    /** The masking stream alone, read in 64 KiB reads. */
    @Benchmark
    public long maskOnly() throws IOException {
        invocations++;
        return drain(new ReferenceMaskingInputStream(new ByteArrayInputStream(data), "/nix/store"));
    }

    /** Restoring alone, read in 64 KiB reads: what a download of a masked NAR adds. */
    @Benchmark
    public long restoreOnly() throws IOException {
        invocations++;
        return drain(new ReferenceRestoringInputStream(new ByteArrayInputStream(masked), table));
    }

    /** Reading the plain bytes in 64 KiB reads: the floor under maskOnly and restoreOnly. */
    @Benchmark
    public long copyOnly() throws IOException {
        invocations++;
        return drain(new ByteArrayInputStream(data));
    }

    private long chunks(InputStream in) throws IOException {
        long chunks = 0;
        ChunkReader reader = chunker.split(in);
        while (reader.next()) {
            chunks++;
        }
        return chunks;
    }

    private long drain(InputStream in) throws IOException {
        long total = 0;
        for (int n; (n = in.read(sink, 0, sink.length)) >= 0; ) {
            total += n;
        }
        return total + sink[0];
    }
}
