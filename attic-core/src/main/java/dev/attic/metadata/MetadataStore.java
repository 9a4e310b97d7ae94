package dev.attic.metadata;

import dev.attic.ConflictException;
import dev.attic.ErrorCode;
import dev.attic.references.ReferenceTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the engine remembers: caches, objects (store paths in a cache), NARs, chunk references and
 * chunks. Each method is one query or one transaction, and safe to call from many threads and from
 * several servers sharing one database.
 *
 * <h2>An upload</h2>
 * <ol>
 *   <li>{@link #findValidNar} — the NAR may exist already (another cache, another uploader): then
 *       {@link #attachObject} and stop.</li>
 *   <li>{@link #createPendingNar} with a lease; {@link #renewNarLease} while it lasts.</li>
 *   <li>For each chunk: {@link #leaseValidChunk}; if absent, {@link #insertPendingChunk}, write the
 *       file, {@link #markChunkValid} (which may answer with another uploader's chunk). Every few
 *       chunks, {@link #appendChunkRefs} in order. New chunks may go in batches instead:
 *       {@link #insertPendingChunks}, write the files, {@link #markChunksValid} — the same steps,
 *       one transaction per batch. Either way a chunk is marked valid only after its file is
 *       durable.</li>
 *   <li>{@link #commitNar}: in one transaction the NAR becomes valid (or the upload learns a NAR
 *       with the same hash committed first) and the object points at it. A reader never sees a
 *       valid NAR that lacks a chunk reference. Or {@link #abortNar}.</li>
 * </ol>
 *
 * <h2>Leases</h2>
 * A lease is a "held until" time on a NAR or chunk row: the garbage collector leaves a row alone
 * while its lease runs. A crashed uploader holds nothing for longer than its lease. Leases are never
 * shortened by another holder; a chunk lease needs to cover only the time from
 * {@link #leaseValidChunk} or {@link #markChunkValid} to the {@link #appendChunkRefs} that
 * references it, after which the reference itself keeps the chunk alive.
 *
 * <h2>Garbage collection</h2>
 * Each step works on at most {@code limit} rows and says what it did, so the caller loops until a
 * step returns nothing: {@link #expireObjects}, {@link #reapNars}, {@link #claimDeadChunks} then
 * (after deleting their files) {@link #deleteChunkRows}.
 *
 * <p>Errors: {@link dev.attic.BackendException} with {@link dev.attic.ErrorCode#DATABASE_ERROR}
 * when the database fails (transient for timeouts, lost connections and serialization failures);
 * the exceptions named on each method otherwise. Time comes from the store's clock.
 */
public interface MetadataStore extends AutoCloseable {

    // ---- caches ----

    /**
     * Creates a cache.
     *
     * @throws dev.attic.ConflictException {@code CACHE_ALREADY_EXISTS} if the name is taken, also by
     *     a soft-deleted cache (the name is free again only after {@link #hardDeleteCache})
     */
    CacheRecord createCache(String name, CacheConfig config);

    /** The live cache of that name; a soft-deleted cache is not found. */
    Optional<CacheRecord> findCache(String name);

    /**
     * Replaces the settings of a live cache.
     *
     * @throws dev.attic.NotFoundException {@code NO_SUCH_CACHE} if there is no live cache of that name
     */
    CacheRecord updateCache(String name, CacheConfig config);

    /**
     * Marks a live cache deleted: it is no longer found or listed, its objects stay until
     * {@link #hardDeleteCache}, and its name stays taken.
     *
     * @throws dev.attic.NotFoundException {@code NO_SUCH_CACHE} if there is no live cache of that name
     */
    void softDeleteCache(String name);

    /**
     * Deletes a cache, live or soft-deleted, and all its objects; the NARs they pointed at become
     * orphans for the garbage collector.
     *
     * @return whether a cache of that name existed
     */
    boolean hardDeleteCache(String name);

    /** The live caches, by name. */
    List<CacheRecord> listCaches();

    // ---- objects ----

    /** The object for a store path in a cache together with its NAR: the narinfo lookup, one query. */
    Optional<ObjectWithNar> findObject(long cacheId, String storePathHash);

    /**
     * The live cache of that name with the object for a store path in it and its NAR: the whole
     * narinfo lookup, meant as one query. Empty when there is no live cache of that name; a cache
     * without that store path comes with an empty object. The default makes the two queries
     * {@link #findCache} and {@link #findObject}.
     */
    default Optional<CacheAndObject> findCacheAndObject(String cacheName, String storePathHash) {
        return findCache(cacheName).map(cache -> new CacheAndObject(cache, findObject(cache.id(), storePathHash)));
    }

    /**
     * Which of these store path hashes the cache lacks, in the order given, without duplicates.
     * Meant for tens of thousands of hashes at once; a few queries at most.
     */
    List<String> missingPaths(long cacheId, Collection<String> storePathHashes);

    /** Sets the last access time of these objects to now (for retention); ids that are gone are ignored. */
    void touchObjects(Collection<Long> objectIds);

    /** Removes a store path from a cache; its NAR stays for the garbage collector. */
    boolean deleteObject(long cacheId, String storePathHash);

    /**
     * Points a store path in a cache at an existing valid NAR (inserting or replacing the object), in
     * one transaction that also protects the NAR from a garbage collector running at the same time.
     *
     * @throws dev.attic.NotFoundException {@code NO_SUCH_OBJECT} if the NAR is not valid (any more)
     */
    ObjectRecord attachObject(long cacheId, long narId, ObjectInfo info);

    // ---- NARs ----

    /** The valid NAR with this hash. */
    Optional<NarRecord> findValidNar(String narHash);

    /**
     * A page of a NAR's chunk references with their chunks, in order: those with {@code seq >=
     * fromSeq}, at most {@code limit}. A reader pages through a large NAR without holding a
     * connection while it streams.
     */
    List<ChunkRef> chunkRefs(long narId, int fromSeq, int limit);

    /** Whether every chunk of the NAR is valid (none corrupt): whether it can be served whole. */
    boolean isNarComplete(long narId);

    /** Starts an upload: a pending NAR, invisible to readers, held for {@code lease}. */
    NarRecord createPendingNar(String narHash, long narSize, Duration lease);

    /**
     * Extends the lease of a pending NAR to now + {@code lease}.
     *
     * @throws dev.attic.ConflictException {@code STALE_UPLOAD} if it is no longer pending
     */
    void renewNarLease(long narId, Duration lease);

    /**
     * Adds chunk references to a pending NAR: {@code chunkIds.get(i)} at position {@code firstSeq +
     * i}. Each chunk must still be valid; this re-checks that in the same transaction.
     *
     * @throws dev.attic.ConflictException {@code STALE_UPLOAD} if the NAR is no longer pending or a
     *     chunk is no longer valid (its lease ran out and the garbage collector took it)
     */
    void appendChunkRefs(long narId, int firstSeq, List<Long> chunkIds);

    /**
     * Finishes an upload in one transaction: checks that the pending NAR has exactly
     * {@code numChunks} references (positions 0 to numChunks - 1), makes it valid (or, if another
     * upload of the same hash committed first, marks this one deleted and uses that one), and points
     * the object at it.
     *
     * @throws dev.attic.ConflictException {@code STALE_UPLOAD} if the NAR is no longer pending
     * @throws dev.attic.BadInputException {@code BAD_REQUEST} if its references are not exactly
     *     positions 0 to numChunks - 1
     */
    CommittedNar commitNar(long narId, int numChunks, long cacheId, ObjectInfo info);

    /** Abandons an upload: the pending NAR is marked deleted for the garbage collector. */
    void abortNar(long narId);

    // ---- chunks ----

    /**
     * The valid chunk with this hash and compression, with its lease extended to at least now +
     * {@code lease} in the same statement, so the garbage collector cannot take it before the
     * upload references it.
     */
    Optional<ChunkRecord> leaseValidChunk(String chunkHash, String compression, Duration lease);

    /** Records a chunk about to be written, pending and held for {@code lease}. */
    ChunkRecord insertPendingChunk(NewChunk chunk, Duration lease);

    /**
     * Marks a pending chunk valid once its file is complete, and returns the chunk the upload must
     * reference: this one, or the one another uploader made valid first (then this one is marked
     * deleted, so the garbage collector removes its file). Either way the returned chunk is leased
     * like {@link #leaseValidChunk}. References to a corrupt chunk of the same hash and compression
     * move to the new valid chunk.
     *
     * @throws dev.attic.ConflictException {@code STALE_UPLOAD} if the chunk is no longer pending
     */
    ChunkRecord markChunkValid(long chunkId, String fileHash, long fileSize);

    /**
     * {@link #insertPendingChunk} for several chunks, in one transaction where the store can.
     * The default inserts them one by one.
     *
     * @return the pending chunks, in the order given
     */
    default List<ChunkRecord> insertPendingChunks(List<NewChunk> chunks, Duration lease) {
        List<ChunkRecord> rows = new ArrayList<>(chunks.size());
        for (NewChunk chunk : chunks) {
            rows.add(insertPendingChunk(chunk, lease));
        }
        return List.copyOf(rows);
    }

    /**
     * {@link #markChunkValid} for several chunks whose files are durable, in one transaction where
     * the store can. The default marks them one by one.
     *
     * @return per chunk, in the order given, the chunk the upload must reference (this one, or the
     *     one another uploader made valid first, leased like {@link #leaseValidChunk}); empty where
     *     the chunk is no longer pending (aborted, or its lease ran out and the garbage collector
     *     took it), which {@link #markChunkValid} reports as a {@code STALE_UPLOAD} conflict: no row
     *     names that chunk's file any more. The others are marked all the same.
     */
    default List<Optional<ChunkRecord>> markChunksValid(List<WrittenChunk> chunks) {
        List<Optional<ChunkRecord>> out = new ArrayList<>(chunks.size());
        for (WrittenChunk chunk : chunks) {
            try {
                out.add(Optional.of(markChunkValid(chunk.chunkId(), chunk.fileHash(), chunk.fileSize())));
            } catch (ConflictException e) {
                if (e.code() != ErrorCode.STALE_UPLOAD) {
                    throw e;
                }
                out.add(Optional.empty());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Marks a valid chunk corrupt (its file was found damaged or missing): it is no longer
     * deduplicated against, and the next upload of the same chunk replaces it.
     *
     * @return whether the chunk was valid
     */
    boolean markChunkCorrupt(long chunkId);

    /** Abandons a pending chunk: it is marked deleted, for the garbage collector to remove its file. */
    void abortChunk(long chunkId);

    // ---- garbage collection ----

    /**
     * Deletes up to {@code limit} objects not accessed within their cache's retention period (or
     * {@code defaultRetention} where the cache sets none; a zero period keeps objects forever).
     *
     * @return how many objects were deleted
     */
    int expireObjects(Duration defaultRetention, int limit);

    /**
     * Deletes up to {@code limit} NARs with their chunk references: valid NARs no object points at,
     * pending NARs whose lease expired, and NARs marked deleted — none while leased.
     *
     * @return how many NARs were deleted
     */
    int reapNars(int limit);

    /**
     * Marks up to {@code limit} dead chunks deleted and returns them, so the caller deletes their
     * files and then calls {@link #deleteChunkRows}. Dead: no chunk reference and not leased (valid
     * or corrupt), or pending with an expired lease. Chunks already marked deleted (by a run that
     * crashed before deleting their rows) are returned again.
     */
    List<ChunkRecord> claimDeadChunks(int limit);

    /**
     * Deletes the rows of chunks marked deleted, after their files were deleted. Ids of chunks not
     * marked deleted are ignored.
     *
     * @return how many rows were deleted
     */
    int deleteChunkRows(Collection<Long> chunkIds);

    // ---- the rest ----

    // ---- maintenance (atticadm verify) ----

    /**
     * Up to {@code limit} chunks with an id above {@code afterId}, in id order, in every state: a
     * scan of all chunks in pages (pass the last id of a page to get the next).
     */
    List<ChunkRecord> listChunks(long afterId, int limit);

    /**
     * Up to {@code limit} store paths whose NAR references the chunk, by cache name then store
     * path: what a damaged chunk breaks. Objects of soft-deleted caches are included.
     */
    List<ChunkUse> chunkUses(long chunkId, int limit);

    /** Row counts per table and state. */
    MetadataStats stats();

    /** Releases the connections; idempotent. */
    @Override
    void close();

    // ---- reference-aware chunking (dev.attic.references) ----
    // Kept apart from the narinfo lookups: only an upload that masked hashes and a download of its
    // NAR touch the table.

    /**
     * Records the reference table of a pending NAR whose chunks were cut from its masked bytes,
     * before {@link #commitNar}; a later call replaces it, an empty table removes it. The table
     * belongs to this NAR row: if the commit finds another valid NAR of the same hash, that NAR is
     * served with its own table (or none).
     *
     * @throws dev.attic.ConflictException {@code STALE_UPLOAD} if the NAR is no longer pending
     * @throws dev.attic.BadInputException {@code BAD_REQUEST} if a reference reaches beyond the
     *     NAR's size
     */
    void recordReferenceTable(long narId, ReferenceTable table);

    /**
     * The reference table of a NAR: present for a NAR stored masked, empty for a plain NAR or an
     * unknown id.
     *
     * @throws dev.attic.BackendException {@code DATABASE_ERROR} if the stored table is malformed
     */
    Optional<ReferenceTable> referenceTable(long narId);
}
