package dev.attic.engine;

import dev.attic.metadata.MetadataStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which store paths were fetched, for retention, and writes them to the metadata in
 * batches (every few seconds and on close) rather than one write per request on the hot path. A
 * crash loses at most the last few seconds of access times: a path then looks a little older to the
 * collector than it is, never younger.
 */
final class AccessLog {
    /** Above this many pending ids, the next record flushes at once. */
    static final int MAX_PENDING = 10_000;
    private static final int BATCH = 1000;

    private final MetadataStore metadata;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    AccessLog(MetadataStore metadata) {
        this.metadata = metadata;
    }

    void record(long objectId) {
        pending.add(objectId);
        if (pending.size() >= MAX_PENDING) {
            flush();
        }
    }

    /** Writes what was recorded; ids recorded meanwhile wait for the next flush. */
    synchronized void flush() {
        List<Long> batch = new ArrayList<>(BATCH);
        Iterator<Long> ids = pending.iterator();
        while (ids.hasNext()) {
            batch.add(ids.next());
            ids.remove();
            if (batch.size() == BATCH) {
                metadata.touchObjects(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            metadata.touchObjects(batch);
        }
    }
}
