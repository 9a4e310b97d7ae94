package dev.attic.engine;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Turns a NAR file as Nix uploads it ({@code nar/<file hash>.nar.xz}, {@code .nar.zst}, ...) back
 * into the NAR, by the narinfo's {@code Compression} field. The core knows {@code none} and
 * {@code zstd}; an adapter adds what needs another library ({@code xz}) with {@link #or}.
 */
@FunctionalInterface
public interface NarDecoder {
    /**
     * A stream of the uncompressed NAR.
     *
     * @throws BadInputException {@code INVALID_COMPRESSION_TYPE} for a compression it does not know
     */
    InputStream decode(String compression, InputStream file) throws IOException;

    /** {@code none} and {@code zstd}. */
    static NarDecoder standard() {
        return (compression, file) -> switch (compression) {
            case "none" -> file;
            case "zstd" -> new com.github.luben.zstd.ZstdInputStream(file);
            default -> throw unsupported(compression);
        };
    }

    /** This decoder for {@code compression}, the other one for everything else. */
    default NarDecoder or(String compression, NarDecoder other) {
        return (c, file) -> c.equals(compression) ? other.decode(c, file) : decode(c, file);
    }

    /** The error for a compression no decoder knows. */
    static BadInputException unsupported(String compression) {
        return new BadInputException(ErrorCode.INVALID_COMPRESSION_TYPE, "NARs compressed with \"" + compression
                + "\" are not accepted; upload with compression=zstd, xz or none");
    }
}
