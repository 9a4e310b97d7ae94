package dev.attic.compression;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.util.Locale;

/**
 * How a stored chunk file is compressed, with the names upstream Attic's config and Nix's
 * {@code Compression:} field use. Chunks are written with {@link #ZSTD} or {@link #NONE}; the other
 * names are known so that a config or a narinfo naming them gets a precise error.
 */
public enum Compression {
    NONE("none"),
    ZSTD("zstd");

    private final String nixName;

    Compression(String nixName) {
        this.nixName = nixName;
    }

    /** The name in Nix's and upstream Attic's spelling: {@code none}, {@code zstd}. */
    public String nixName() {
        return nixName;
    }

    /** The compression a name denotes; {@code INVALID_COMPRESSION_TYPE} for any other. */
    public static Compression fromName(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        for (Compression c : values()) {
            if (c.nixName.equals(lower)) {
                return c;
            }
        }
        throw new BadInputException(ErrorCode.INVALID_COMPRESSION_TYPE, "unsupported chunk compression \""
                + name + "\": this server stores chunks with zstd or none");
    }
}
