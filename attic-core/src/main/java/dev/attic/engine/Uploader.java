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
import dev.attic.metadata.WrittenChunk;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Uploads one store path: the NAR flows once through verification (size, hash, grammar), the
 * chunker and a per-chunk SHA-256; chunks already stored are leased and reused, new ones are
 * compressed and written with bounded parallelism, in batches (one transaction for a batch's
 * pending rows, the files, one transaction for its valid rows: a database round trip per batch,
 * not per chunk); then one transaction makes the NAR valid and maps it into the cache. Anything that goes wrong before that transaction commits nothing: the
 * pending rows and written files are reaped by the garbage collector once their leases end.
 */
final class Uploader {
    /** Chunk references are recorded in batches of this many. */
    static final int REF_BATCH = 256;
    /**
     * New chunks are recorded in batches of at most this many (and at most half the in-flight
     * window, so one batch is written while the next fills).
     */
    static final int MAX_CHUNK_BATCH = 64;

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

    /** A new chunk of the open batch: its compression under way, its outcome to come. */
    private record NewChunkFile(Hash hash, int rawLength, CompletableFuture<byte[]> file,
            CompletableFuture<ChunkOutcome> outcome) {}

    /** A new chunk once its pending row exists. */
    private record PendingFile(NewChunkFile chunk, ChunkRecord row, StorageKey key, byte[] file) {}

    /**
     * A chunk whose row is not known yet, in NAR order.
     *
     * @param batch the number of the batch that stores it (or its first copy in this NAR), or -1
     *     when it is stored already
     */
    private record InFlight(String chunkHash, CompletableFuture<ChunkOutcome> outcome, long batch) {}

    /** One upload of a NAR that is not (wholly) stored yet. */
    private final class Transfer {
        private final long cacheId;
        private final ObjectInfo object;
        private final Hash narHash;
        private final long narSize;
        private final VerifyingInputStream nar;
        private final String storeDir;
        private final Deque<InFlight> inFlight = new ArrayDeque<>();
        private final Map<String, InFlight> thisUpload = new HashMap<>();
        private final List<Long> refBatch = new ArrayList<>(REF_BATCH);
        private final List<NewChunkFile> openBatch = new ArrayList<>();
        private long openBatchNumber;
        private final int chunkBatch = Math.max(1, Math.min(MAX_CHUNK_BATCH, settings.maxChunksInFlight() / 2));
        private NarRecord pending;
        private int nextRefSeq;
        private int chunkCount;
        private long storedBytes;
        private long dedupedBytes;
        private Instant lastRenewal;
        /** A quarter of the lease, computed once: {@link Duration#dividedBy(long)} goes through BigDecimal. */
        private final Duration renewalPeriod = settings.uploadLease().dividedBy(4);

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
                closeBatch();
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
            InFlight same = thisUpload.get(key);
            if (same != null) {
                // the same bytes are still being stored for an earlier chunk of this NAR: reuse them
                enqueue(new InFlight(key, same.outcome().thenApply(o -> new ChunkOutcome(o.chunkId(), 0, length)),
                        same.batch()));
                return;
            }
            Optional<ChunkRecord> stored = metadata.leaseValidChunk(key, compressor.compression().nixName(),
                    settings.uploadLease());
            CompletableFuture<ChunkOutcome> outcome;
            long batch = -1;
            if (stored.isPresent()) {
                outcome = CompletableFuture.completedFuture(new ChunkOutcome(stored.get().id(), 0, length));
            } else {
                byte[] raw = chunks.copyBytes();
                CompletableFuture<byte[]> file =
                        CompletableFuture.supplyAsync(() -> compressor.compress(raw, 0, raw.length), compressors);
                outcome = new CompletableFuture<>();
                openBatch.add(new NewChunkFile(hash, length, file, outcome));
                batch = openBatchNumber;
            }
            InFlight chunk = new InFlight(key, outcome, batch);
            if (!outcome.isDone()) {
                thisUpload.put(key, chunk);
            }
            if (openBatch.size() >= chunkBatch) {
                closeBatch();
            }
            enqueue(chunk);
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
            if (inFlight.peekFirst().batch() == openBatchNumber) {
                // the window needs the head's result, and the head waits in the open batch
                closeBatch();
            }
            InFlight head = inFlight.removeFirst();
            // once stored, a chunk is found through the metadata like any other: forget it here
            thisUpload.remove(head.chunkHash(), head);
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
            if (Duration.between(lastRenewal, now).compareTo(renewalPeriod) >= 0) {
                // references keep their chunks alive; the NAR's own lease keeps the upload alive
                flushRefs();
                metadata.renewNarLease(pending.id(), settings.uploadLease());
                lastRenewal = now;
            }
        }

        /**
         * Stores the open batch of new chunks: once all are compressed, their pending rows in one
         * transaction, the files in parallel, then (every file durable) their valid rows in one
         * transaction. Nothing here blocks a thread waiting for another task of the same pools.
         */
        private void closeBatch() {
            if (openBatch.isEmpty()) {
                return;
            }
            List<NewChunkFile> batch = List.copyOf(openBatch);
            openBatch.clear();
            openBatchNumber++;
            CompletableFuture.allOf(batch.stream().map(NewChunkFile::file).toArray(CompletableFuture[]::new))
                    .thenApplyAsync(done -> insertPending(batch), chunkWriters)
                    .thenCompose(this::writeFiles)
                    .thenApplyAsync(this::markValid, chunkWriters)
                    .whenComplete((outcomes, error) -> {
                        for (int i = 0; i < batch.size(); i++) {
                            if (error != null) {
                                batch.get(i).outcome().completeExceptionally(unwrap(error));
                            } else {
                                CompletableFuture<ChunkOutcome> target = batch.get(i).outcome();
                                outcomes.get(i).whenComplete((o, e) -> {
                                    if (e != null) {
                                        target.completeExceptionally(e);
                                    } else {
                                        target.complete(o);
                                    }
                                });
                            }
                        }
                    });
        }

        private List<PendingFile> insertPending(List<NewChunkFile> batch) {
            List<NewChunk> rows = new ArrayList<>(batch.size());
            List<StorageKey> keys = new ArrayList<>(batch.size());
            for (NewChunkFile chunk : batch) {
                StorageKey key = ChunkKeys.newKey(chunk.hash(), compressor.compression());
                keys.add(key);
                rows.add(new NewChunk(chunk.hash().toString(), compressor.compression().nixName(), chunk.rawLength(),
                        key.value()));
            }
            List<ChunkRecord> pending = metadata.insertPendingChunks(rows, settings.uploadLease());
            List<PendingFile> files = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                files.add(new PendingFile(batch.get(i), pending.get(i), keys.get(i), batch.get(i).file().join()));
            }
            return files;
        }

        /** Writes every file (each durable when its put returns); on any failure the batch's rows are given up. */
        private CompletableFuture<List<WrittenFile>> writeFiles(List<PendingFile> files) {
            List<CompletableFuture<WrittenFile>> writes = new ArrayList<>(files.size());
            for (PendingFile f : files) {
                writes.add(CompletableFuture.supplyAsync(() -> {
                    storage.put(f.key(), new ByteArrayInputStream(f.file()), f.file().length);
                    return new WrittenFile(f, Hash.sha256Of(f.file()).toString());
                }, chunkWriters));
            }
            return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                    .handle((done, error) -> {
                        if (error != null) {
                            // every write has ended (allOf waits for all): no file appears after this
                            for (PendingFile f : files) {
                                abortQuietly(() -> metadata.abortChunk(f.row().id()), unwrap(error));
                            }
                            throw new CompletionException(unwrap(error));
                        }
                        return writes.stream().map(CompletableFuture::join).collect(Collectors.toList());
                    });
        }

        private List<CompletableFuture<ChunkOutcome>> markValid(List<WrittenFile> files) {
            List<Optional<ChunkRecord>> valid = metadata.markChunksValid(files.stream()
                    .map(w -> new WrittenChunk(w.file().row().id(), w.fileHash(), w.file().file().length))
                    .collect(Collectors.toList()));
            List<CompletableFuture<ChunkOutcome>> outcomes = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                PendingFile f = files.get(i).file();
                Optional<ChunkRecord> row = valid.get(i);
                if (row.isEmpty()) {
                    // the write outlived the chunk's lease and the collector took the row: no row will
                    // ever name this file, so it goes now
                    ConflictException e = new ConflictException(ErrorCode.STALE_UPLOAD, "chunk " + f.row().id()
                            + " is no longer pending (its lease expired and it was reaped)");
                    abortQuietly(() -> storage.delete(f.key()), e);
                    outcomes.add(CompletableFuture.failedFuture(e));
                    continue;
                }
                boolean ours = row.get().id() == f.row().id();
                int rawLength = f.chunk().rawLength();
                outcomes.add(CompletableFuture.completedFuture(
                        new ChunkOutcome(row.get().id(), ours ? f.file().length : 0, ours ? 0 : rawLength)));
            }
            return outcomes;
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
            // chunks of the open batch have no row and no file, and never will
            for (NewChunkFile chunk : openBatch) {
                chunk.outcome().cancel(false);
            }
            openBatch.clear();
            for (InFlight chunk : inFlight) {
                try {
                    chunk.outcome().get(Downloader.CHUNK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (TimeoutException e) {
                    chunk.outcome().cancel(true);
                } catch (ExecutionException | CancellationException e) {
                    // already reported by the chunk's own failure, or by the one that stopped the
                    // upload; a chunk of the open batch was cancelled above and has nothing to wait for
                }
            }
            inFlight.clear();
            if (pending != null) {
                abortQuietly(() -> metadata.abortNar(pending.id()), null);
            }
        }
    }

    /** A new chunk's file once durable, with its hash. */
    private record WrittenFile(PendingFile file, String fileHash) {}

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
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
