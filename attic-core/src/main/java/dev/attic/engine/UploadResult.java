package dev.attic.engine;

/**
 * How an upload ended, as upstream Attic's {@code UploadPathResult}.
 *
 * @param kind whether new bytes were stored or the NAR was already there
 * @param fileSize the bytes newly written to storage (compressed)
 * @param fractionDeduplicated the share of the NAR's bytes that were already stored, 0 to 1
 * @param alreadyInCache whether this cache held the same store path with the same NAR before: the
 *     only part of the result that says nothing about other caches, and so the only part an adapter
 *     may show a tenant without revealing what other tenants stored
 */
public record UploadResult(Kind kind, long fileSize, double fractionDeduplicated, boolean alreadyInCache) {

    /** Uploaded: this upload stored the NAR; deduplicated: the NAR was already stored. */
    public enum Kind {
        UPLOADED("Uploaded"),
        DEDUPLICATED("Deduplicated");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** The name upstream Attic's client expects. */
        public String wireName() {
            return wireName;
        }
    }

    public UploadResult {
        if (fileSize < 0 || !(fractionDeduplicated >= 0 && fractionDeduplicated <= 1)) {
            throw new IllegalArgumentException("invalid upload result: " + fileSize + " bytes, " + fractionDeduplicated);
        }
    }
}
