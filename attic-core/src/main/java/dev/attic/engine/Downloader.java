package dev.attic.engine;

import dev.attic.AtticException;
import dev.attic.BackendException;
import dev.attic.ErrorCode;
import dev.attic.NotFoundException;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
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
 * and verified (by the zstd checksum in the file, or against the chunk's SHA-256 where the file has
 * none). A chunk that is missing or does not verify is marked corrupt, so
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
            Optional<ReferenceTable> table = metadata.referenceTable(nar.id());
            stream(nar, new ReferenceRestorer(table.orElse(ReferenceTable.EMPTY)), table.isPresent(), out);
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

    /**
     * Checks every chunk file, a bounded number at a time; marks every missing one before failing.
     * One task checks a batch of files, so that a fast storage costs one thread hand-off per batch,
     * not per chunk.
     */
    private void checkPresent(NarRecord nar) {
        List<ChunkRecord> missing = new ArrayList<>();
        Deque<CompletableFuture<List<ChunkRecord>>> checks = new ArrayDeque<>();
        int window = Math.max(2, settings.downloadReadAhead() / 2);
        Chunks chunks = new Chunks(nar);
        try {
            while (chunks.hasNext()) {
                if (checks.size() >= window) {
                    missing.addAll(join(checks.removeFirst()));
                }
                List<ChunkRecord> batch = chunks.next(PRESENCE_BATCH);
                checks.addLast(CompletableFuture.supplyAsync(() -> batch.stream()
                        .filter(chunk -> !storage.exists(new StorageKey(chunk.storageKey())))
                        .toList(), fetchers));
            }
            while (!checks.isEmpty()) {
                missing.addAll(join(checks.removeFirst()));
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

    /**
     * Writes the chunks in order, with the reference table's hashes put back (none for a plain
     * NAR). They are fetched in batches of consecutive chunks, one task per batch, with at most
     * {@code downloadReadAhead} chunks fetched ahead: a thread hand-off per chunk cost more than
     * reading a chunk from the page cache. A batch is decompressed into one array and written in
     * one call (fewer, larger socket writes).
     *
     * <p>A masked NAR's restored bytes are also hashed, and its last batch is held back until
     * they match the NarHash: the chunks were checked as masked bytes, so this is what checks the
     * putting back. A mismatch ends the response before its last byte (or, for a NAR of one
     * batch, before its first), so a client never receives a complete NAR that is wrong.
     */
    private void stream(NarRecord nar, ReferenceRestorer restorer, boolean checkNarHash, OutputStream out)
            throws IOException {
        Hasher narHash = checkNarHash ? Hashing.sha256().newHasher() : null;
        byte[] held = null;
        int batchSize = Math.max(1, Math.min(MAX_FETCH_BATCH, settings.downloadReadAhead() / 2));
        int batches = Math.max(1, settings.downloadReadAhead() / batchSize);
        Chunks chunks = new Chunks(nar);
        Deque<CompletableFuture<byte[]>> ahead = new ArrayDeque<>();
        long written = 0;
        try {
            while (true) {
                while (ahead.size() < batches && chunks.hasNext()) {
                    List<ChunkRecord> batch = chunks.next(batchSize);
                    ahead.addLast(CompletableFuture.supplyAsync(() -> fetch(nar, batch), fetchers));
                }
                if (ahead.isEmpty()) {
                    break;
                }
                byte[] bytes = join(ahead.removeFirst());
                restorer.restore(bytes, 0, bytes.length); // in place: each batch is a fresh array
                written += bytes.length;
                if (narHash == null) {
                    out.write(bytes);
                    continue;
                }
                narHash.putBytes(bytes);
                if (held != null) {
                    out.write(held);
                }
                held = bytes;
            }
        } finally {
            ahead.forEach(f -> f.cancel(false));
        }
        if (written != nar.narSize()) {
            throw incomplete(nar, "its chunks add up to " + written + " bytes, not its NarSize " + nar.narSize());
        }
        restorer.finish();
        if (narHash != null) {
            Hash restored = Hash.sha256(narHash.hash());
            if (!restored.equals(Hash.parse(nar.narHash()))) {
                throw incomplete(nar, "its hashes put back give a NAR of hash " + restored + ", not its NarHash");
            }
            if (held != null) {
                out.write(held);
            }
        }
    }

    /** Files one task checks for presence. */
    private static final int PRESENCE_BATCH = 16;
    /** Chunks one task fetches at most (with the default read-ahead: 8, two batches in flight). */
    private static final int MAX_FETCH_BATCH = 8;

    /** A NAR's chunks in order, their references read from the metadata a page at a time. */
    private final class Chunks {
        private final NarRecord nar;
        private final Deque<ChunkRecord> page = new ArrayDeque<>();
        private int nextSeq;
        private boolean morePages = true;

        Chunks(NarRecord nar) {
            this.nar = nar;
        }

        boolean hasNext() {
            if (page.isEmpty() && morePages) {
                List<ChunkRef> refs = metadata.chunkRefs(nar.id(), nextSeq, REF_PAGE);
                refs.forEach(ref -> page.addLast(ref.chunk()));
                morePages = refs.size() == REF_PAGE;
                if (!refs.isEmpty()) {
                    nextSeq = refs.get(refs.size() - 1).seq() + 1;
                }
            }
            return !page.isEmpty();
        }

        /** The next chunks, at most {@code max}; empty at the end. */
        List<ChunkRecord> next(int max) {
            List<ChunkRecord> batch = new ArrayList<>(max);
            while (batch.size() < max && hasNext()) {
                batch.add(page.removeFirst());
            }
            return batch;
        }
    }

    /** The bytes of consecutive chunks, in one array. */
    private byte[] fetch(NarRecord nar, List<ChunkRecord> batch) {
        long total = batch.stream().mapToLong(ChunkRecord::chunkSize).sum();
        if (total > Integer.MAX_VALUE - 16) {
            throw incomplete(nar, "a batch of " + batch.size() + " chunks holds " + total + " bytes, more than an array");
        }
        byte[] bytes = new byte[(int) total];
        int offset = 0;
        for (ChunkRecord chunk : batch) {
            fetch(nar, chunk, bytes, offset);
            offset += Math.toIntExact(chunk.chunkSize());
        }
        return bytes;
    }

    /**
     * One chunk's bytes, decompressed into {@code into} at {@code offset} and verified: by the file's
     * own zstd checksum when it has one (verified by the decoder, far cheaper than a SHA-256),
     * otherwise by the chunk's SHA-256.
     */
    private void fetch(NarRecord nar, ChunkRecord chunk, byte[] into, int offset) {
        int rawSize = Math.toIntExact(chunk.chunkSize());
        if (chunk.fileSize() <= 0 || chunk.fileSize() > MAX_WHOLE_FILE) {
            readStream(nar, chunk, into, offset);
            checkHash(nar, chunk, into, offset);
            return;
        }
        Compression compression = Compression.fromName(chunk.compression());
        byte[] file = readWhole(nar, chunk);
        if (!ChunkCompressor.decompress(compression, file, into, offset, rawSize)) {
            throw corrupt(nar, chunk, "its file does not decompress to its recorded size of "
                    + rawSize + " bytes, or fails its checksum");
        }
        if (!ChunkCompressor.carriesChecksum(compression, file)) {
            checkHash(nar, chunk, into, offset);
        }
    }

    private void checkHash(NarRecord nar, ChunkRecord chunk, byte[] bytes, int offset) {
        Hash actual = Hash.sha256(Hashing.sha256().hashBytes(bytes, offset, Math.toIntExact(chunk.chunkSize())));
        if (!actual.toString().equals(chunk.chunkHash())) {
            throw corrupt(nar, chunk, "its bytes hash to " + actual);
        }
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
        return file;
    }

    private void readStream(NarRecord nar, ChunkRecord chunk, byte[] into, int offset) {
        int size = Math.toIntExact(chunk.chunkSize());
        try (InputStream stored = storage.open(new StorageKey(chunk.storageKey()));
                InputStream raw = ChunkCompressor.decompressing(Compression.fromName(chunk.compression()), stored)) {
            int filled = raw.readNBytes(into, offset, size);
            if (filled != size || raw.read() >= 0) {
                throw corrupt(nar, chunk, "its file does not decompress to its recorded size of " + size + " bytes");
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
