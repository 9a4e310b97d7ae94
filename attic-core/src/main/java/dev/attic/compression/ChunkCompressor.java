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
 *
 * <p>zstd files are written with zstd's content checksum (XXH64 of the uncompressed bytes, in the
 * frame), which {@link #decompress} verifies: a reader can then trust a file that decompresses
 * without hashing it again ({@link #carriesChecksum}). Files written before had no checksum.
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
        this(compression, level, true);
    }

    /** With {@code checksum} false, zstd files as this library wrote them before it added the checksum (for tests of old stores). */
    ChunkCompressor(Compression compression, int level, boolean checksum) {
        if (compression == Compression.ZSTD && (level < MIN_ZSTD_LEVEL || level > MAX_ZSTD_LEVEL)) {
            throw new IllegalArgumentException("zstd level must be between " + MIN_ZSTD_LEVEL + " and "
                    + MAX_ZSTD_LEVEL + ", got " + level);
        }
        this.compression = compression;
        this.level = level;
        this.contexts = ThreadLocal.withInitial(() -> {
            ZstdCompressCtx ctx = new ZstdCompressCtx();
            ctx.setLevel(level);
            ctx.setChecksum(checksum);
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
        return decompress(compression, file, raw, 0, rawSize) ? java.util.Optional.of(raw) : java.util.Optional.empty();
    }

    /**
     * Decompresses a whole stored chunk file into {@code into[offset, offset + rawSize)}, in one
     * call, so that consecutive chunks can be placed in one array.
     *
     * @return false when the file does not decompress to exactly {@code rawSize} bytes (a damaged
     *     or foreign file, or one that fails its checksum); {@code into} may then hold anything in
     *     that range
     */
    public static boolean decompress(Compression compression, byte[] file, byte[] into, int offset, int rawSize) {
        java.util.Objects.checkFromIndexSize(offset, rawSize, into.length);
        if (compression == Compression.NONE) {
            if (file.length != rawSize) {
                return false;
            }
            System.arraycopy(file, 0, into, offset, rawSize);
            return true;
        }
        try {
            return DECOMPRESSORS.get().decompressByteArray(into, offset, rawSize, file, 0, file.length) == rawSize;
        } catch (ZstdException e) {
            // a damaged frame, a wrong checksum, or one that decompresses to more than rawSize bytes
            return false;
        }
    }

    /** The first four bytes of every zstd frame (0xFD2FB528, little-endian). */
    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};
    /** In a zstd frame's header descriptor (the byte after the magic): Content_Checksum_flag. */
    private static final int CHECKSUM_FLAG = 0x04;

    /**
     * Whether {@code file} is a zstd frame that declares zstd's content checksum, which
     * {@link #decompress} then verifies against the bytes it produces (the lower 32 bits of their
     * XXH64): if such a file decompresses, its bytes are the ones compressed, save a 2<sup>-32</sup>
     * chance for a damaged file. A damaged flag does not make a damaged file pass: a cleared flag
     * makes this false (so the caller hashes the bytes), a set one makes the decoder read four bytes
     * that are not a checksum. False for uncompressed files and for zstd files without the checksum
     * (written before it was turned on).
     */
    public static boolean carriesChecksum(Compression compression, byte[] file) {
        return compression == Compression.ZSTD && file.length > ZSTD_MAGIC.length
                && java.util.Arrays.equals(file, 0, ZSTD_MAGIC.length, ZSTD_MAGIC, 0, ZSTD_MAGIC.length)
                && (file[ZSTD_MAGIC.length] & CHECKSUM_FLAG) != 0;
    }

    /** A stream of the uncompressed bytes of a stored chunk file of the given compression. */
    public static InputStream decompressing(Compression compression, InputStream stored) throws IOException {
        return compression == Compression.NONE ? stored : new ZstdInputStream(stored);
    }
}
