package dev.attic.engine;

import dev.attic.AtticException;
import dev.attic.BackendException;
import dev.attic.BadInputException;
import dev.attic.ConflictException;
import dev.attic.ErrorCode;
import dev.attic.NotFoundException;
import dev.attic.chunking.ChunkReader;
import dev.attic.chunking.Chunker;
import dev.attic.compression.ChunkCompressor;
import dev.attic.metadata.ChunkRecord;
import dev.attic.metadata.CommittedNar;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.NarRecord;
import dev.attic.metadata.NewChunk;
import dev.attic.metadata.ObjectInfo;
import dev.attic.narinfo.NarInfo;
import dev.attic.nix.Hash;
import dev.attic.references.ReferenceMaskingInputStream;
import dev.attic.references.ReferenceTable;
import dev.attic.storage.Storage;
import dev.attic.storage.StorageKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Uploads one store path: the NAR flows once through verification (size, hash, grammar), the
 * chunker and a per-chunk SHA-256; chunks already stored are leased and reused, new ones are
 * compressed and written with bounded parallelism; then one transaction makes the NAR valid and
 * maps it into the cache. Anything that goes wrong before that transaction commits nothing: the
 * pending rows and written files are reaped by the garbage collector once their leases end.
 */
final class Uploader {
    /** Chunk references are recorded in batches of this many. */
    static final int REF_BATCH = 256;

    private final MetadataStore metadata;
    private final Storage storage;
    private final EngineSettings settings;
    private final Chunker chunker;
    private final ChunkCompressor compressor;
    private final Executor compressors;
    private final Executor chunkWriters;
    private final Clock clock;

    /**
     * @param compressors where chunks are compressed (CPU-bound: about one thread per core)
     * @param chunkWriters where compressed chunks are recorded and written (bound by storage and
     *     database latency, e.g. an fsync per file: more threads than cores keep the disk busy)
     */
    Uploader(MetadataStore metadata, Storage storage, EngineSettings settings, Chunker chunker,
            ChunkCompressor compressor, Executor compressors, Executor chunkWriters, Clock clock) {
        this.metadata = metadata;
        this.storage = storage;
        this.settings = settings;
        this.chunker = chunker;
        this.compressor = compressor;
        this.compressors = compressors;
        this.chunkWriters = chunkWriters;
        this.clock = clock;
    }

    /**
     * Uploads a store path.
     *
     * @param readError what a failure to read {@code body} means: the client's fault for a request
     *     body ({@link #clientReadError}), or the storage's for a staged file ({@link #stagedReadError})
     */
    UploadResult upload(Tenants.Tenant tenant, UploadPathInfo info, InputStream body, Optional<String> createdBy,
            Function<IOException, AtticException> readError) throws IOException {
        NarInfo checked = NarInfos.fromUpload(info, tenant.cache().config().storeDir());
        ObjectInfo object = NarInfos.objectInfo(info, checked, createdBy);
        long cacheId = tenant.cache().id();
        Hash narHash = checked.narHash();
        long narSize = checked.narSize();
        boolean alreadyInCache = metadata.findObject(cacheId, object.storePathHash())
                .filter(o -> o.nar().narHash().equals(narHash.toString()))
                .isPresent();
        VerifyingInputStream nar = new VerifyingInputStream(body, narHash, narSize, readError);

        Optional<NarRecord> existing = metadata.findValidNar(narHash.toString());
        if (existing.isPresent() && metadata.isNarComplete(existing.get().id())) {
            if (settings.requireProofOfPossession()) {
                nar.drain();
            }
            try {
                metadata.attachObject(cacheId, existing.get().id(), object);
            } catch (NotFoundException e) {
                throw new BackendException(ErrorCode.DATABASE_ERROR,
                        "the stored NAR was collected while this upload attached to it; upload again", true, e);
            }
            return new UploadResult(UploadResult.Kind.DEDUPLICATED, 0, 1.0, alreadyInCache);
        }
        return new Transfer(cacheId, object, narHash, narSize, nar, tenant.cache().config().storeDir()).run(alreadyInCache);
    }

    /** A request body that cannot be read is the client's fault (it stopped sending, say). */
    static AtticException clientReadError(IOException e) {
        return new BadInputException(ErrorCode.BAD_REQUEST, "the upload body could not be read: " + e.getMessage(), e);
    }

    /**
     * A staged file that does not decompress is a bad upload; any other failure to read it is the
     * storage's, worth a retry.
     */
    static AtticException stagedReadError(IOException e) {
        if (Downloader.isCorruptStream(e)) {
            return new BadInputException(ErrorCode.BAD_NAR, "the uploaded file does not decompress: " + e.getMessage(), e);
        }
        return new BackendException(ErrorCode.STORAGE_ERROR, "reading the staged file failed: " + e.getMessage(), true, e);
    }

    /** The outcome of one chunk: the row to reference and what it cost. */
    private record ChunkOutcome(long chunkId, long storedBytes, long dedupedBytes) {}

    /** A chunk whose row is not known yet, in NAR order. */
    private record InFlight(String chunkHash, CompletableFuture<ChunkOutcome> outcome) {}

    /** One upload of a NAR that is not (wholly) stored yet. */
    private final class Transfer {
        private final long cacheId;
        private final ObjectInfo object;
        private final Hash narHash;
        private final long narSize;
        private final VerifyingInputStream nar;
        private final String storeDir;
        private final Deque<InFlight> inFlight = new ArrayDeque<>();
        private final Map<String, CompletableFuture<ChunkOutcome>> thisUpload = new HashMap<>();
        private final List<Long> refBatch = new ArrayList<>(REF_BATCH);
        private NarRecord pending;
        private int nextRefSeq;
        private int chunkCount;
        private long storedBytes;
        private long dedupedBytes;
        private Instant lastRenewal;

        Transfer(long cacheId, ObjectInfo object, Hash narHash, long narSize, VerifyingInputStream nar, String storeDir) {
            this.cacheId = cacheId;
            this.object = object;
            this.narHash = narHash;
            this.narSize = narSize;
            this.nar = nar;
            this.storeDir = storeDir;
        }

        UploadResult run(boolean alreadyInCache) throws IOException {
            pending = metadata.createPendingNar(narHash.toString(), narSize, settings.uploadLease());
            lastRenewal = clock.instant();
            boolean committed = false;
            try {
                boolean whole = narSize < settings.chunking().narSizeThreshold();
                Chunker cutter = whole ? new WholeNar(narSize) : chunker;
                // Reference-aware: the chunks hold the NAR with its store path hashes masked. The
                // verifier sees the original bytes first; a one-chunk NAR stays plain (servable as
                // its stored file, and too small to gain from masking).
                ReferenceMaskingInputStream masking = settings.chunking().referenceAware() && !whole
                        ? new ReferenceMaskingInputStream(nar, storeDir) : null;
                ChunkReader chunks = cutter.split(masking != null ? masking : nar);
                while (chunks.next()) {
                    submit(chunks);
                    renewIfDue();
                }
                if (!nar.isVerified()) {
                    throw new IllegalStateException("the chunker stopped before the end of the NAR");
                }
                while (!inFlight.isEmpty()) {
                    collectHead();
                }
                flushRefs();
                ReferenceTable references = masking != null ? masking.table() : ReferenceTable.EMPTY;
                if (!references.isEmpty()) {
                    metadata.recordReferenceTable(pending.id(), references);
                }
                CommittedNar done = metadata.commitNar(pending.id(), chunkCount, cacheId, object);
                committed = true;
                double fraction = Math.min(1.0, (double) dedupedBytes / narSize);
                return new UploadResult(done.deduplicated() ? UploadResult.Kind.DEDUPLICATED : UploadResult.Kind.UPLOADED,
                        storedBytes, fraction, alreadyInCache);
            } finally {
                if (!committed) {
                    abandon();
                }
            }
        }

        private void submit(ChunkReader chunks) throws IOException {
            Hash hash = Hash.sha256(chunks.sha256());
            String key = hash.toString();
            int length = chunks.length();
            CompletableFuture<ChunkOutcome> same = thisUpload.get(key);
            if (same != null) {
                // the same bytes are still being stored for an earlier chunk of this NAR: reuse them
                enqueue(new InFlight(key, same.thenApply(o -> new ChunkOutcome(o.chunkId(), 0, length))));
                return;
            }
            Optional<ChunkRecord> stored = metadata.leaseValidChunk(key, compressor.compression().nixName(),
                    settings.uploadLease());
            CompletableFuture<ChunkOutcome> outcome;
            if (stored.isPresent()) {
                outcome = CompletableFuture.completedFuture(new ChunkOutcome(stored.get().id(), 0, length));
            } else {
                byte[] raw = chunks.copyBytes();
                outcome = CompletableFuture.supplyAsync(() -> compressor.compress(raw, 0, raw.length), compressors)
                        .thenApplyAsync(file -> write(hash, length, file), chunkWriters);
            }
            if (!outcome.isDone()) {
                thisUpload.put(key, outcome);
            }
            enqueue(new InFlight(key, outcome));
        }

        private void enqueue(InFlight chunk) throws IOException {
            inFlight.addLast(chunk);
            chunkCount++;
            while (inFlight.size() >= settings.maxChunksInFlight()
                    || (!inFlight.isEmpty() && inFlight.peekFirst().outcome().isDone())) {
                collectHead();
            }
        }

        private void collectHead() throws IOException {
            InFlight head = inFlight.removeFirst();
            // once stored, a chunk is found through the metadata like any other: forget it here
            thisUpload.remove(head.chunkHash(), head.outcome());
            ChunkOutcome outcome = await(head.outcome());
            storedBytes += outcome.storedBytes();
            dedupedBytes += outcome.dedupedBytes();
            refBatch.add(outcome.chunkId());
            if (refBatch.size() >= REF_BATCH) {
                flushRefs();
            }
        }

        private void flushRefs() {
            if (refBatch.isEmpty()) {
                return;
            }
            metadata.appendChunkRefs(pending.id(), nextRefSeq, List.copyOf(refBatch));
            nextRefSeq += refBatch.size();
            refBatch.clear();
        }

        private void renewIfDue() {
            Instant now = clock.instant();
            if (Duration.between(lastRenewal, now).compareTo(settings.uploadLease().dividedBy(4)) >= 0) {
                // references keep their chunks alive; the NAR's own lease keeps the upload alive
                flushRefs();
                metadata.renewNarLease(pending.id(), settings.uploadLease());
                lastRenewal = now;
            }
        }

        private ChunkOutcome write(Hash hash, int rawLength, byte[] file) {
            StorageKey key = ChunkKeys.newKey(hash, compressor.compression());
            ChunkRecord row = metadata.insertPendingChunk(
                    new NewChunk(hash.toString(), compressor.compression().nixName(), rawLength, key.value()),
                    settings.uploadLease());
            try {
                storage.put(key, new ByteArrayInputStream(file), file.length);
            } catch (RuntimeException e) {
                abortQuietly(() -> metadata.abortChunk(row.id()), e);
                throw e;
            }
            ChunkRecord valid;
            try {
                valid = metadata.markChunkValid(row.id(), Hash.sha256Of(file).toString(), file.length);
            } catch (ConflictException e) {
                // the write outlived the chunk's lease and the collector took the row: no row will
                // ever name this file, so it goes now
                abortQuietly(() -> storage.delete(key), e);
                throw e;
            }
            boolean ours = valid.id() == row.id();
            return new ChunkOutcome(valid.id(), ours ? file.length : 0, ours ? 0 : rawLength);
        }

        private ChunkOutcome await(Future<ChunkOutcome> outcome) throws IOException {
            try {
                return outcome.get(Downloader.CHUNK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                outcome.cancel(true);
                throw new BackendException(ErrorCode.STORAGE_ERROR, "storing a chunk took longer than "
                        + Downloader.CHUNK_TIMEOUT_SECONDS + " s", true, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException(ErrorCode.INTERNAL, "interrupted while storing chunks", true, e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof AtticException attic) {
                    throw attic;
                }
                if (cause instanceof IOException io) {
                    throw io;
                }
                throw new BackendException(ErrorCode.INTERNAL, "storing a chunk failed: " + cause, false, cause);
            }
        }

        /** Waits for the chunk writes still running, then gives the pending NAR up to the collector. */
        private void abandon() {
            for (InFlight chunk : inFlight) {
                try {
                    chunk.outcome().get(Downloader.CHUNK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (TimeoutException e) {
                    chunk.outcome().cancel(true);
                } catch (ExecutionException e) {
                    // already reported by the chunk's own failure, or by the one that stopped the upload
                }
            }
            inFlight.clear();
            if (pending != null) {
                abortQuietly(() -> metadata.abortNar(pending.id()), null);
            }
        }
    }

    /** Runs a clean-up step whose failure must not hide the error that made it necessary. */
    private static void abortQuietly(Runnable cleanup, Throwable primary) {
        try {
            cleanup.run();
        } catch (RuntimeException e) {
            if (primary != null) {
                primary.addSuppressed(e);
            }
            // without a primary error the lease still ends and the collector reaps the rows
        }
    }
}
