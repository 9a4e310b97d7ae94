package dev.attic.engine;

import dev.attic.AtticException;
import dev.attic.BackendException;
import dev.attic.ErrorCode;
import dev.attic.NotFoundException;
import dev.attic.compression.ChunkCompressor;
import dev.attic.compression.Compression;
import dev.attic.metadata.ChunkRecord;
import dev.attic.metadata.ChunkRef;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.NarRecord;
import dev.attic.nix.Hash;
import dev.attic.storage.Storage;
import dev.attic.storage.StorageKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Reassembles a NAR from its chunks: before the first byte, every chunk must be recorded valid and
 * present in storage; while streaming, chunks are fetched a few ahead, decompressed and checked
 * against their hash. A chunk that is missing or does not verify is marked corrupt, so the next
 * upload of any NAR containing it stores it again.
 */
final class Downloader {
    /** Chunk references are read from the metadata in pages of this many. */
    static final int REF_PAGE = 1024;

    private final MetadataStore metadata;
    private final Storage storage;
    private final EngineSettings settings;
    private final Executor fetchers;

    Downloader(MetadataStore metadata, Storage storage, EngineSettings settings, Executor fetchers) {
        this.metadata = metadata;
        this.storage = storage;
        this.settings = settings;
        this.fetchers = fetchers;
    }

    /** Checks that the NAR can be served whole and returns it, ready to stream. */
    NarDownload open(NarRecord nar) {
        if (!metadata.isNarComplete(nar.id())) {
            throw incomplete(nar, "some of its chunks are known to be corrupt or missing");
        }
        if (settings.checkChunksBeforeServing()) {
            checkPresent(nar);
        }
        return new NarDownload(nar.narSize(), Optional.empty(), out -> stream(nar, out));
    }

    /** The stored file of a single-chunk NAR, for a client to fetch directly, if storage can offer one. */
    Optional<ChunkRecord> singleChunk(NarRecord nar) {
        if (nar.numChunks() != 1) {
            return Optional.empty();
        }
        List<ChunkRef> refs = metadata.chunkRefs(nar.id(), 0, 1);
        return refs.isEmpty() ? Optional.empty() : Optional.of(refs.get(0).chunk());
    }

    private void checkPresent(NarRecord nar) {
        int seq = 0;
        while (true) {
            List<ChunkRef> page = metadata.chunkRefs(nar.id(), seq, REF_PAGE);
            if (page.isEmpty()) {
                break;
            }
            List<CompletableFuture<Optional<ChunkRecord>>> checks = new ArrayList<>(page.size());
            for (ChunkRef ref : page) {
                ChunkRecord chunk = ref.chunk();
                checks.add(CompletableFuture.supplyAsync(
                        () -> storage.exists(new StorageKey(chunk.storageKey())) ? Optional.empty() : Optional.of(chunk),
                        fetchers));
            }
            for (CompletableFuture<Optional<ChunkRecord>> check : checks) {
                Optional<ChunkRecord> missing = join(check);
                if (missing.isPresent()) {
                    metadata.markChunkCorrupt(missing.get().id());
                    throw incomplete(nar, "the file of chunk " + missing.get().chunkHash() + " is missing from storage");
                }
            }
            seq = page.get(page.size() - 1).seq() + 1;
        }
    }

    private void stream(NarRecord nar, OutputStream out) throws IOException {
        // references are read a page at a time (one query per REF_PAGE chunks, not one per chunk);
        // at most downloadReadAhead chunks are fetched ahead of the one being sent
        Deque<ChunkRef> refs = new ArrayDeque<>();
        Deque<CompletableFuture<byte[]>> ahead = new ArrayDeque<>();
        int seq = 0;
        long written = 0;
        boolean more = true;
        try {
            while (true) {
                if (refs.isEmpty() && more) {
                    List<ChunkRef> page = metadata.chunkRefs(nar.id(), seq, REF_PAGE);
                    refs.addAll(page);
                    more = page.size() == REF_PAGE;
                    if (!page.isEmpty()) {
                        seq = page.get(page.size() - 1).seq() + 1;
                    }
                }
                while (!refs.isEmpty() && ahead.size() < settings.downloadReadAhead()) {
                    ChunkRecord chunk = refs.removeFirst().chunk();
                    ahead.addLast(CompletableFuture.supplyAsync(() -> fetch(nar, chunk), fetchers));
                }
                if (ahead.isEmpty()) {
                    break;
                }
                byte[] bytes = join(ahead.removeFirst());
                out.write(bytes);
                written += bytes.length;
            }
        } finally {
            ahead.forEach(f -> f.cancel(false));
        }
        if (written != nar.narSize()) {
            throw incomplete(nar, "its chunks add up to " + written + " bytes, not its NarSize " + nar.narSize());
        }
    }

    /** One chunk's bytes, decompressed and verified. */
    private byte[] fetch(NarRecord nar, ChunkRecord chunk) {
        byte[] bytes = chunk.fileSize() > 0 && chunk.fileSize() <= MAX_WHOLE_FILE ? readWhole(nar, chunk) : readStream(nar, chunk);
        Hash actual = Hash.of(sha256(bytes));
        if (!actual.toString().equals(chunk.chunkHash())) {
            throw corrupt(nar, chunk, "its bytes hash to " + actual);
        }
        return bytes;
    }

    /** A stored file is at most a chunk's bound (256 KiB by default, 16 MiB at most): read it whole, decompress it in one call. */
    private static final long MAX_WHOLE_FILE = 32L * 1024 * 1024;

    private byte[] readWhole(NarRecord nar, ChunkRecord chunk) {
        int size = Math.toIntExact(chunk.fileSize());
        byte[] file = new byte[size];
        try (InputStream stored = storage.open(new StorageKey(chunk.storageKey()))) {
            int filled = stored.readNBytes(file, 0, size);
            if (filled != size || stored.read() >= 0) {
                throw corrupt(nar, chunk, "its file is not of its recorded size of " + size + " bytes");
            }
        } catch (NotFoundException e) {
            throw corrupt(nar, chunk, "its file is missing from storage");
        } catch (IOException e) {
            throw new BackendException(ErrorCode.STORAGE_ERROR, "reading chunk " + chunk.chunkHash()
                    + " of NAR " + nar.narHash() + " failed: " + e.getMessage(), true, e);
        }
        int rawSize = Math.toIntExact(chunk.chunkSize());
        return ChunkCompressor.decompress(Compression.fromName(chunk.compression()), file, rawSize)
                .orElseThrow(() -> corrupt(nar, chunk, "its file does not decompress to its recorded size of " + rawSize + " bytes"));
    }

    private byte[] readStream(NarRecord nar, ChunkRecord chunk) {
        byte[] bytes = new byte[Math.toIntExact(chunk.chunkSize())];
        try (InputStream stored = storage.open(new StorageKey(chunk.storageKey()));
                InputStream raw = ChunkCompressor.decompressing(Compression.fromName(chunk.compression()), stored)) {
            int filled = raw.readNBytes(bytes, 0, bytes.length);
            if (filled != bytes.length || raw.read() >= 0) {
                throw corrupt(nar, chunk, "its file does not decompress to its recorded size of " + bytes.length + " bytes");
            }
        } catch (NotFoundException e) {
            throw corrupt(nar, chunk, "its file is missing from storage");
        } catch (IOException e) {
            if (isCorruptStream(e)) {
                throw corrupt(nar, chunk, "its file does not decompress: " + e.getMessage());
            }
            throw new BackendException(ErrorCode.STORAGE_ERROR, "reading chunk " + chunk.chunkHash()
                    + " of NAR " + nar.narHash() + " failed: " + e.getMessage(), true, e);
        }
        return bytes;
    }

    private BackendException corrupt(NarRecord nar, ChunkRecord chunk, String why) {
        metadata.markChunkCorrupt(chunk.id());
        return incomplete(nar, "chunk " + chunk.chunkHash() + " is corrupt: " + why);
    }

    private static boolean isCorruptStream(IOException e) {
        // zstd-jni reports a damaged frame as a ZstdIOException; storage failures are other IOExceptions
        return e.getClass().getName().startsWith("com.github.luben.zstd");
    }

    private static BackendException incomplete(NarRecord nar, String why) {
        return new BackendException(ErrorCode.INCOMPLETE_NAR,
                "NAR " + nar.narHash() + " cannot be served: " + why, false, null);
    }

    private static MessageDigest sha256(byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes);
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java platform has SHA-256", e);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(ErrorCode.INTERNAL, "interrupted while reading chunks", true, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AtticException attic) {
                throw attic;
            }
            throw new BackendException(ErrorCode.INTERNAL, "reading a chunk failed: " + e.getCause(), false, e.getCause());
        }
    }
}
