package dev.attic.examples.client;

/**
 * The server's answer to an upload: {@code Uploaded} or {@code Deduplicated} (the whole NAR was
 * there already), the bytes it stored and the fraction of the NAR it did not need to store. A
 * server that keeps what other caches hold to itself leaves the two figures out
 * ({@code figuresReported} false).
 */
record UploadResult(boolean deduplicated, long fileSize, double fracDeduplicated, boolean figuresReported) {
    UploadResult {
        if (fracDeduplicated < 0 || fracDeduplicated > 1 || Double.isNaN(fracDeduplicated)) {
            fracDeduplicated = deduplicated ? 1.0 : 0.0;
        }
        if (deduplicated) {
            fracDeduplicated = 1.0;
        }
    }
}
