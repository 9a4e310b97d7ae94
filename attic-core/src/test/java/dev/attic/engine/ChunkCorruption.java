package dev.attic.engine;

import dev.attic.storage.Storage;
import dev.attic.storage.StorageKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Damages a stored chunk file the way a disk does: one byte changed in place, same size. For the
 * corruption tests of the engine and of the admin tools ({@code atticadm verify}).
 */
public final class ChunkCorruption {
    private ChunkCorruption() {}

    /** Flips bits of the byte in the middle of the file under {@code key}; returns the key. */
    public static StorageKey flipAByte(Storage storage, StorageKey key) {
        byte[] file;
        try (InputStream in = storage.open(key)) {
            file = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file[file.length / 2] ^= 0x40;
        storage.put(key, new ByteArrayInputStream(file), file.length);
        return key;
    }
}
