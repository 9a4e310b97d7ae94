package dev.attic.engine;

/**
 * What one garbage collection did.
 *
 * @param objectsExpired store paths removed from caches because nobody fetched them within the retention period
 * @param narsDeleted NARs deleted because no cache refers to them (or their upload was abandoned)
 * @param chunksDeleted chunk files deleted, with their rows
 * @param chunkDeletesFailed chunk files the storage failed to delete; their rows stay for the next run
 * @param stagedFilesDeleted NAR files uploaded by {@code nix copy} whose narinfo never came
 */
public record GcReport(long objectsExpired, long narsDeleted, long chunksDeleted, long chunkDeletesFailed,
        long stagedFilesDeleted) {

    /** A run that found nothing to do. */
    public static final GcReport NOTHING = new GcReport(0, 0, 0, 0, 0);
}
