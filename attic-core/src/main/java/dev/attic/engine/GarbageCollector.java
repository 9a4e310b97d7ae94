package dev.attic.engine;

import dev.attic.BackendException;
import dev.attic.metadata.ChunkRecord;
import dev.attic.metadata.MetadataStore;
import dev.attic.storage.Storage;
import dev.attic.storage.StorageKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * Collects garbage in bounded batches until there is none left (not one batch per run): store
 * paths past their cache's retention, then NARs no cache refers to and abandoned uploads, then
 * chunks no NAR refers to, whose files are deleted before their rows, then NAR files that
 * {@code nix copy} uploaded without ever sending their narinfo. Safe while uploads run: an
 * upload holds leases on what it is about to reference, and the metadata never hands a leased row
 * to the collector.
 */
final class GarbageCollector {
    private final MetadataStore metadata;
    private final Storage storage;
    private final EngineSettings settings;
    private final ReentrantLock running = new ReentrantLock();

    private final StagedFiles staged;

    GarbageCollector(MetadataStore metadata, Storage storage, EngineSettings settings, StagedFiles staged) {
        this.metadata = metadata;
        this.storage = storage;
        this.settings = settings;
        this.staged = staged;
    }

    GcReport run() {
        running.lock();
        try {
            long expired = untilDone(() -> metadata.expireObjects(settings.defaultRetention(), settings.gcBatchSize()));
            long nars = untilDone(() -> metadata.reapNars(settings.gcBatchSize()));
            long chunks = 0;
            long failed = 0;
            while (true) {
                List<ChunkRecord> dead = metadata.claimDeadChunks(settings.gcBatchSize());
                if (dead.isEmpty()) {
                    break;
                }
                List<Long> gone = new ArrayList<>(dead.size());
                for (ChunkRecord chunk : dead) {
                    try {
                        storage.delete(new StorageKey(chunk.storageKey()));
                        gone.add(chunk.id());
                    } catch (BackendException e) {
                        failed++; // the row stays marked deleted; the next run tries the file again
                    }
                }
                chunks += metadata.deleteChunkRows(gone);
                if (gone.isEmpty()) {
                    break; // storage refuses every delete: stop rather than spin on the same rows
                }
            }
            long stale = staged.deleteOlderThan(settings.stagingExpiry());
            return new GcReport(expired, nars, chunks, failed, stale);
        } finally {
            running.unlock();
        }
    }

    private static long untilDone(IntSupplier batch) {
        long total = 0;
        int done;
        while ((done = batch.getAsInt()) > 0) {
            total += done;
        }
        return total;
    }
}
