package dev.attic.compression;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Compresses one chunk at a time and opens compressed chunk files for reading. A chunk is at most
 * the chunker's max size (256 KiB by default), so a chunk is compressed in one call into a buffer
 * of the library's bound; nothing larger than a chunk is ever held.
 */
public final class ChunkCompressor {
    /** zstd's levels run from 1 to 22; upstream Attic's default is 8. */
    public static final int MIN_ZSTD_LEVEL = 1;
    public static final int MAX_ZSTD_LEVEL = 22;

    private final Compression compression;
    private final int level;
    private final ThreadLocal<ZstdCompressCtx> contexts;
    private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESSORS = ThreadLocal.withInitial(ZstdDecompressCtx::new);

    public ChunkCompressor(Compression compression, int level) {
        if (compression == Compression.ZSTD && (level < MIN_ZSTD_LEVEL || level > MAX_ZSTD_LEVEL)) {
            throw new IllegalArgumentException("zstd level must be between " + MIN_ZSTD_LEVEL + " and "
                    + MAX_ZSTD_LEVEL + ", got " + level);
        }
        this.compression = compression;
        this.level = level;
        this.contexts = ThreadLocal.withInitial(() -> {
            ZstdCompressCtx ctx = new ZstdCompressCtx();
            ctx.setLevel(level);
            ctx.setChecksum(false);
            return ctx;
        });
    }

    public Compression compression() {
        return compression;
    }

    public int level() {
        return level;
    }

    /** The compressed form of {@code data[offset, offset + length)}, as a new array. */
    public byte[] compress(byte[] data, int offset, int length) {
        if (compression == Compression.NONE) {
            return Arrays.copyOfRange(data, offset, offset + length);
        }
        byte[] out = new byte[(int) Zstd.compressBound(length)];
        int written = contexts.get().compressByteArray(out, 0, out.length, data, offset, length);
        return written == out.length ? out : Arrays.copyOf(out, written);
    }

    /**
     * The uncompressed bytes of a whole stored chunk file, in one call (no stream, no buffers but
     * the result), when its uncompressed size is known.
     *
     * @return the bytes, or empty when the file does not decompress to exactly {@code rawSize}
     *     bytes (a damaged or foreign file)
     */
    public static java.util.Optional<byte[]> decompress(Compression compression, byte[] file, int rawSize) {
        if (compression == Compression.NONE) {
            return file.length == rawSize ? java.util.Optional.of(file) : java.util.Optional.empty();
        }
        byte[] raw = new byte[rawSize];
        try {
            int n = DECOMPRESSORS.get().decompressByteArray(raw, 0, rawSize, file, 0, file.length);
            return n == rawSize ? java.util.Optional.of(raw) : java.util.Optional.empty();
        } catch (ZstdException e) {
            // a damaged frame, or one that decompresses to more than rawSize bytes
            return java.util.Optional.empty();
        }
    }

    /** A stream of the uncompressed bytes of a stored chunk file of the given compression. */
    public static InputStream decompressing(Compression compression, InputStream stored) throws IOException {
        return compression == Compression.NONE ? stored : new ZstdInputStream(stored);
    }
}
