package dev.attic.engine;

import dev.attic.compression.Compression;
import dev.attic.nix.Hash;
import dev.attic.storage.StorageKey;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Names chunk files: {@code chunks/<sha256 hex>-<random>.<ext>}. The random part makes every chunk
 * row own its file, so replacing a corrupt chunk never writes over a file another row (and the
 * garbage collector) still knows; the hash in the name helps an operator reading the storage.
 */
final class ChunkKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ChunkKeys() {}

    static StorageKey newKey(Hash chunkHash, Compression compression) {
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        String extension = compression == Compression.ZSTD ? "zst" : "chunk";
        return new StorageKey("chunks/" + chunkHash.toHex() + "-" + HexFormat.of().formatHex(nonce) + "." + extension);
    }
}
