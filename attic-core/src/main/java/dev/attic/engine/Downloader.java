package dev.attic.engine;

import dev.attic.AtticException;
import dev.attic.BackendException;
import dev.attic.ErrorCode;
import dev.attic.NotFoundException;
import dev.attic.compression.ChunkCompressor;
import dev.attic.compression.Compression;
import dev.attic.metadata.ChunkRecord;
import dev.attic.metadata.ChunkRef;
import dev.attic.metadata.ChunkState;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.NarRecord;
import dev.attic.nix.Hash;
import dev.attic.references.ReferenceRestorer;
import dev.attic.references.ReferenceTable;
import dev.attic.storage.Storage;
import dev.attic.storage.StorageKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reassembles a NAR from its chunks. Before the first byte, every chunk must be recorded valid and
 * (by default) present in storage; while streaming, chunks are fetched a few ahead, decompressed
 * and checked against their hash. A chunk that is missing or does not verify is marked corrupt, so
 * the next upload of any NAR containing it stores it again.
 */
final class Downloader {
    /** Chunk references are read from the metadata in pages of this many. */
    static final int REF_PAGE = 1024;
    /** No single chunk fetch or presence check may take longer than this. */
    static final long CHUNK_TIMEOUT_SECONDS = 300;

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

    /**
     * The NAR, ready to stream: refused at once if a chunk is known to be bad. The presence of every
     * chunk file is checked when the body is written, before its first byte, so that a HEAD costs no
     * storage lookups; {@code onStart} runs then too (to record the access).
     */
    NarDownload open(NarRecord nar, Runnable onStart) {
        if (!metadata.isNarComplete(nar.id())) {
            throw incomplete(nar, "some of its chunks are known to be corrupt or missing");
        }
        return new NarDownload(nar.narSize(), Optional.empty(), out -> {
            if (settings.checkChunksBeforeServing()) {
                checkPresent(nar);
            }
            onStart.run();
            stream(nar, new ReferenceRestorer(metadata.referenceTable(nar.id()).orElse(ReferenceTable.EMPTY)), out);
        });
    }

    /** The one chunk of a single-chunk NAR that can be handed out as a file: valid, zstd, present. */
    Optional<ChunkRecord> servableSingleChunk(NarRecord nar) {
        if (nar.numChunks() != 1) {
            return Optional.empty();
        }
        List<ChunkRef> refs = metadata.chunkRefs(nar.id(), 0, 1);
        if (refs.isEmpty()) {
            return Optional.empty();
        }
        ChunkRecord chunk = refs.get(0).chunk();
        if (chunk.state() != ChunkState.VALID || chunk.fileHash() == null
                || !chunk.compression().equals(Compression.ZSTD.nixName())) {
            return Optional.empty();
        }
        if (metadata.referenceTable(nar.id()).isPresent()) {
            return Optional.empty(); // the file holds the masked bytes, not the NAR
        }
        if (!storage.exists(new StorageKey(chunk.storageKey()))) {
            metadata.markChunkCorrupt(chunk.id());
            return Optional.empty();
        }
        return Optional.of(chunk);
    }

    /** Checks every chunk file, a bounded number at a time; marks every missing one before failing. */
    private void checkPresent(NarRecord nar) {
        List<ChunkRecord> missing = new ArrayList<>();
        Deque<CompletableFuture<Optional<ChunkRecord>>> checks = new ArrayDeque<>();
        int window = Math.max(2, settings.downloadReadAhead() * 2);
        int seq = 0;
        try {
            while (true) {
                List<ChunkRef> page = metadata.chunkRefs(nar.id(), seq, REF_PAGE);
                for (ChunkRef ref : page) {
                    ChunkRecord chunk = ref.chunk();
                    if (checks.size() >= window) {
                        join(checks.removeFirst()).ifPresent(missing::add);
                    }
                    checks.addLast(CompletableFuture.supplyAsync(
                            () -> storage.exists(new StorageKey(chunk.storageKey())) ? Optional.empty() : Optional.of(chunk),
                            fetchers));
                }
                if (page.size() < REF_PAGE) {
                    break;
                }
                seq = page.get(page.size() - 1).seq() + 1;
            }
            while (!checks.isEmpty()) {
                join(checks.removeFirst()).ifPresent(missing::add);
            }
        } finally {
            checks.forEach(c -> c.cancel(false));
        }
        if (!missing.isEmpty()) {
            missing.forEach(chunk -> metadata.markChunkCorrupt(chunk.id()));
            throw incomplete(nar, missing.size() + " chunk file(s) missing from storage, first "
                    + missing.get(0).chunkHash());
        }
    }

    /** Writes the chunks in order, with the reference table's hashes put back (none for a plain NAR). */
    private void stream(NarRecord nar, ReferenceRestorer restorer, OutputStream out) throws IOException {
        Deque<ChunkRecord> pending = new ArrayDeque<>();
        Deque<CompletableFuture<byte[]>> ahead = new ArrayDeque<>();
        int nextSeq = 0;
        boolean morePages = true;
        long written = 0;
        try {
            while (true) {
                if (pending.isEmpty() && morePages) {
                    List<ChunkRef> page = metadata.chunkRefs(nar.id(), nextSeq, REF_PAGE);
                    page.forEach(ref -> pending.addLast(ref.chunk()));
                    morePages = page.size() == REF_PAGE;
                    if (!page.isEmpty()) {
                        nextSeq = page.get(page.size() - 1).seq() + 1;
                    }
                }
                while (ahead.size() < settings.downloadReadAhead() && !pending.isEmpty()) {
                    ChunkRecord chunk = pending.removeFirst();
                    ahead.addLast(CompletableFuture.supplyAsync(() -> fetch(nar, chunk), fetchers));
                }
                if (ahead.isEmpty()) {
                    break;
                }
                byte[] bytes = join(ahead.removeFirst());
                restorer.restore(bytes, 0, bytes.length); // in place: each fetch returns a fresh array
                out.write(bytes);
                written += bytes.length;
            }
        } finally {
            ahead.forEach(f -> f.cancel(false));
        }
        if (written != nar.narSize()) {
            throw incomplete(nar, "its chunks add up to " + written + " bytes, not its NarSize " + nar.narSize());
        }
        restorer.finish();
    }

    /** One chunk's bytes, decompressed and verified. */
    private byte[] fetch(NarRecord nar, ChunkRecord chunk) {
        byte[] bytes = chunk.fileSize() > 0 && chunk.fileSize() <= MAX_WHOLE_FILE ? readWhole(nar, chunk) : readStream(nar, chunk);
        Hash actual = Hash.sha256Of(bytes);
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

    /** zstd-jni reports a damaged frame as a ZstdIOException; storage failures are other IOExceptions. */
    static boolean isCorruptStream(IOException e) {
        String name = e.getClass().getName();
        return name.startsWith("com.github.luben.zstd") || name.startsWith("org.tukaani.xz");
    }

    private static BackendException incomplete(NarRecord nar, String why) {
        return new BackendException(ErrorCode.INCOMPLETE_NAR,
                "NAR " + nar.narHash() + " cannot be served: " + why, false, null);
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get(CHUNK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(ErrorCode.INTERNAL, "interrupted while reading chunks", true, e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new BackendException(ErrorCode.STORAGE_ERROR, "a chunk took longer than "
                    + CHUNK_TIMEOUT_SECONDS + " s to read", true, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AtticException attic) {
                throw attic;
            }
            throw new BackendException(ErrorCode.INTERNAL, "reading a chunk failed: " + e.getCause(), false, e.getCause());
        }
    }
}
