package dev.attic.examples.admin;

import dev.attic.BackendException;
import dev.attic.ErrorCode;
import dev.attic.NotFoundException;
import dev.attic.compression.ChunkCompressor;
import dev.attic.compression.Compression;
import dev.attic.metadata.ChunkRecord;
import dev.attic.nix.Hash;
import dev.attic.storage.Storage;
import dev.attic.storage.StorageKey;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Re-reads one chunk file through the storage: its stored bytes must hash to the recorded file
 * hash, and, decompressed, to the chunk hash and size. Streams; holds one 64 KiB buffer.
 */
final class ChunkCheck {
    private final Storage storage;
    private final byte[] buffer = new byte[64 * 1024];

    ChunkCheck(Storage storage) {
        this.storage = storage;
    }

    /** What is wrong with the chunk's file, or empty when it is sound. */
    Optional<String> problem(ChunkRecord chunk) {
        MessageDigest fileDigest = sha256();
        MessageDigest chunkDigest = sha256();
        long size = 0;
        try (InputStream stored = storage.open(StorageKey.of(chunk.storageKey()));
                DigestInputStream file = new DigestInputStream(stored, fileDigest)) {
            try (InputStream plain = new DigestInputStream(
                    ChunkCompressor.decompressing(Compression.fromName(chunk.compression()), nonClosing(file)), chunkDigest)) {
                for (int n; (n = plain.read(buffer)) >= 0; ) {
                    size += n;
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof NotFoundException) {
                    throw (NotFoundException) e;
                }
                return Optional.of("cannot be decompressed as " + chunk.compression() + ": " + e.getMessage());
            }
            while (file.read(buffer) >= 0) {
                // the rest of the file (bytes after the compressed frame) counts towards its hash
            }
        } catch (NotFoundException e) {
            return Optional.of("its file " + chunk.storageKey() + " is missing");
        } catch (IOException e) {
            throw new BackendException(ErrorCode.STORAGE_ERROR, "cannot read chunk file " + chunk.storageKey() + ": " + e, true, e);
        }
        String fileHash = Hash.of(fileDigest).toString();
        if (chunk.fileHash() != null && !chunk.fileHash().equals(fileHash)) {
            return Optional.of("its file hashes to " + fileHash + ", not the recorded " + chunk.fileHash());
        }
        if (size != chunk.chunkSize()) {
            return Optional.of("it decompresses to " + size + " bytes, not " + chunk.chunkSize());
        }
        String chunkHash = Hash.of(chunkDigest).toString();
        if (!chunk.chunkHash().equals(chunkHash)) {
            return Optional.of("its contents hash to " + chunkHash + ", not " + chunk.chunkHash());
        }
        return Optional.empty();
    }

    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the caller closes the file
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JVM has SHA-256", e);
        }
    }
}
