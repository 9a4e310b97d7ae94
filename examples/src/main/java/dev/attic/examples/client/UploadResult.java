package dev.attic.examples.client;

/**
 * The server's answer to an upload: {@code Uploaded} or {@code Deduplicated} (the whole NAR was
 * there already), the bytes it stored and the fraction of the NAR it did not need to store.
 */
record UploadResult(boolean deduplicated, long fileSize, double fracDeduplicated) {
    UploadResult {
        if (fracDeduplicated < 0 || fracDeduplicated > 1 || Double.isNaN(fracDeduplicated)) {
            fracDeduplicated = deduplicated ? 1.0 : 0.0;
        }
        if (deduplicated) {
            fracDeduplicated = 1.0;
        }
    }
}
