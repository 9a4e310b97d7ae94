package dev.attic.http.bench;

import dev.attic.chunking.ChunkReader;
import dev.attic.chunking.ChunkingSettings;
import dev.attic.chunking.FastCdc;
import dev.attic.engine.UploadResult;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Dedup: uploads NAR v1 then v2 into a fresh engine (default chunking: FastCDC 16/64/256 KiB,
 * zstd 8) and reports what v2 added: the upload result, new chunk bytes (compressed, as stored;
 * uncompressed, from the chunk rows). For contrast, what fixed-size 64 KiB blocks would store new
 * for v2 (distinct blocks of v2 not in v1), computed over the two files.
 *
 * <p>{@code DedupBenchmark WORK_DIR V1_NAR V1_STORE_PATH V2_NAR V2_STORE_PATH}
 */
public final class DedupBenchmark {
    private static final double MIB = 1024.0 * 1024.0;

    private DedupBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        IngestBenchmark.Nar v1 = IngestBenchmark.describe(Path.of(args[1]), args[2]);
        IngestBenchmark.Nar v2 = IngestBenchmark.describe(Path.of(args[3]), args[4]);
        Path dir = work.resolve("dedup");
        BenchEngine.delete(dir);
        try (BenchEngine engine = BenchEngine.create(dir)) {
            UploadResult first = IngestBenchmark.uploadOne(engine, v1);
            long afterV1 = engine.storedBytes();
            long rawAfterV1 = chunkBytes(engine);
            UploadResult second = IngestBenchmark.uploadOne(engine, v2);
            long afterV2 = engine.storedBytes();
            long rawAfterV2 = chunkBytes(engine);
            System.out.printf("v1: %d bytes, %s file_size %d frac_deduplicated %.4f%n", v1.narSize(), first.kind().wireName(),
                    first.fileSize(), first.fractionDeduplicated());
            System.out.printf("v2: %d bytes, %s file_size %d frac_deduplicated %.4f%n", v2.narSize(), second.kind().wireName(),
                    second.fileSize(), second.fractionDeduplicated());
            System.out.printf("RESULT dedup FastCDC (16/64/256 KiB): v2 added %.2f MiB of new chunks uncompressed, %.2f MiB stored (compressed; storage grew by %.2f MiB); file_size %.2f MiB, frac_deduplicated %.4f%n",
                    (rawAfterV2 - rawAfterV1) / MIB, second.fileSize() / MIB, (afterV2 - afterV1) / MIB,
                    second.fileSize() / MIB, second.fractionDeduplicated());
        } finally {
            BenchEngine.delete(dir);
        }
        fixedSize(v1.file(), v2.file(), 64 * 1024);
        cdc(v1.file(), v2.file());
    }

    /** Uncompressed bytes of all valid chunk rows, summed from the metadata database. */
    static long chunkBytes(BenchEngine engine) throws java.sql.SQLException {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + engine.dir.resolve("attic.db"));
                java.sql.ResultSet sum = db.createStatement().executeQuery(
                        "SELECT coalesce(sum(chunk_size), 0) FROM chunk WHERE state = 'V'")) {
            sum.next();
            return sum.getLong(1);
        }
    }

    private static void fixedSize(Path v1, Path v2, int block) throws IOException {
        Set<ByteBuffer> seen = blocks(v1, block, null);
        long[] fresh = new long[1];
        blocks(v2, block, (digest, length) -> {
            if (seen.add(digest)) {
                fresh[0] += length;
            }
        });
        System.out.printf("RESULT dedup fixed-size %d KiB blocks: v2 adds %.2f MiB new (uncompressed)%n", block / 1024, fresh[0] / MIB);
    }

    private interface BlockSink {
        void accept(ByteBuffer digest, int length);
    }

    private static Set<ByteBuffer> blocks(Path file, int block, BlockSink sink) throws IOException {
        Set<ByteBuffer> digests = new HashSet<>();
        byte[] buf = new byte[block];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int n;
            while ((n = in.readNBytes(buf, 0, block)) > 0) {
                var sha = GeneratedNar.sha256();
                sha.update(buf, 0, n);
                ByteBuffer digest = ByteBuffer.wrap(sha.digest());
                if (sink != null) {
                    sink.accept(digest, n);
                } else {
                    digests.add(digest);
                }
            }
        }
        return digests;
    }

    /** The same count with the engine's chunker over the files, as a cross-check of the engine's figure. */
    private static void cdc(Path v1, Path v2) throws IOException {
        FastCdc chunker = FastCdc.of(ChunkingSettings.DEFAULT);
        Map<String, Integer> first = new HashMap<>();
        try (InputStream in = Files.newInputStream(v1)) {
            ChunkReader chunks = chunker.split(in);
            while (chunks.next()) {
                first.put(chunks.sha256().toString(), chunks.length());
            }
        }
        long fresh = 0;
        try (InputStream in = Files.newInputStream(v2)) {
            ChunkReader chunks = chunker.split(in);
            while (chunks.next()) {
                if (first.putIfAbsent(chunks.sha256().toString(), chunks.length()) == null) {
                    fresh += chunks.length();
                }
            }
        }
        System.out.printf("RESULT dedup FastCDC over the files (cross-check): v2 adds %.2f MiB new (uncompressed)%n", fresh / MIB);
    }
}
