package dev.attic.engine;

/**
 * How an upload ended, as upstream Attic's {@code UploadPathResult}.
 *
 * @param kind whether new bytes were stored or the NAR was already there
 * @param fileSize the bytes newly written to storage (compressed)
 * @param fractionDeduplicated the share of the NAR's bytes that were already stored, 0 to 1
 */
public record UploadResult(Kind kind, long fileSize, double fractionDeduplicated) {

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
