package dev.attic.storage.s3;

import dev.attic.AtticException;
import dev.attic.BackendException;
import dev.attic.ErrorCode;
import dev.attic.storage.StorageKey;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * One multipart upload: parts go up in parallel on the storage's bounded pool, at most as many at
 * once (across all uploads) as the shared semaphore allows, and a failure of any part, of the
 * caller's stream or of the completion aborts the upload, so no object and no orphaned parts stay
 * behind. The abort comes only after every part has stopped: a queued part is skipped, a running
 * one is waited for, so no part lands after it. Used by one thread.
 */
final class MultipartUpload {
    /** S3's limit on the number of parts. */
    static final int MAX_PARTS = 10_000;

    private final S3Client s3;
    private final String bucket;
    private final StorageKey key;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final Duration waitLimit;
    private final String uploadId;
    private final List<Part> parts = new ArrayList<>();
    private long bytes;

    private MultipartUpload(S3Client s3, String bucket, StorageKey key, ExecutorService pool, Semaphore inFlight,
            Duration waitLimit, String uploadId) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.pool = pool;
        this.inFlight = inFlight;
        this.waitLimit = waitLimit;
        this.uploadId = uploadId;
    }

    /**
     * Starts an upload. {@code waitLimit} bounds every wait for a part slot or a part's result; it
     * should exceed the API call timeout.
     */
    static MultipartUpload start(S3Client s3, String bucket, StorageKey key, ExecutorService pool, Semaphore inFlight,
            Duration waitLimit) {
        try {
            String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key.value())).uploadId();
            return new MultipartUpload(s3, bucket, key, pool, inFlight, waitLimit, id);
        } catch (SdkException e) {
            throw S3Failure.of("starting a multipart upload of " + key, e);
        }
    }

    /** Sends the next part, {@code data[0..length)}, once a slot is free; the array is not copied. */
    void send(byte[] data, int length) {
        if (parts.size() == MAX_PARTS) {
            throw new BackendException(ErrorCode.STORAGE_ERROR, key + " needs more than " + MAX_PARTS
                    + " parts; raise the S3 part size to store objects this large", false, null);
        }
        failFast();
        acquireSlot();
        Part part = new Part(parts.size() + 1, data, length);
        parts.add(part);
        bytes += length;
        try {
            pool.execute(part);
        } catch (RejectedExecutionException e) {
            part.skip();
            throw new BackendException(ErrorCode.STORAGE_ERROR, "uploading part " + part.number + " of " + key
                    + " failed: the storage is closed", false, e);
        }
    }

    /** Waits for every part and completes the upload; returns the object's size. */
    long complete() {
        List<CompletedPart> done = new ArrayList<>(parts.size());
        for (Part part : parts) {
            done.add(result(part));
        }
        try {
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key.value()).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(done)));
        } catch (SdkException e) {
            throw S3Failure.of("completing the multipart upload of " + key, e);
        }
        return bytes;
    }

    /**
     * Skips the parts not started, waits for those running, then aborts the upload so the server
     * drops every part. Failures met on the way are added to {@code cause} as suppressed.
     */
    void abort(Throwable cause) {
        for (Part part : parts) {
            if (part.skip()) {
                continue;
            }
            try {
                part.result.get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() != cause.getCause()) {
                    cause.addSuppressed(e.getCause());
                }
            } catch (TimeoutException e) {
                cause.addSuppressed(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cause.addSuppressed(e);
                break;
            }
        }
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key.value()).uploadId(uploadId));
        } catch (SdkException e) {
            cause.addSuppressed(S3Failure.of("aborting the multipart upload " + uploadId + " of " + key, e));
        }
    }

    /** Throws the first failure of a part already finished, so a doomed upload stops reading early. */
    private void failFast() {
        for (Part part : parts) {
            if (part.result.isCompletedExceptionally()) {
                result(part);
            }
        }
    }

    private CompletedPart result(Part part) {
        try {
            return part.result.get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SdkException sdk) {
                throw S3Failure.of("uploading part " + part.number + " of " + key, sdk);
            }
            if (cause instanceof AtticException attic) {
                throw attic;
            }
            throw new BackendException(ErrorCode.STORAGE_ERROR, "uploading part " + part.number + " of " + key
                    + " failed: " + cause, false, cause);
        } catch (CancellationException e) {
            throw new BackendException(ErrorCode.STORAGE_ERROR, "part " + part.number + " of " + key
                    + " was never sent: the storage is closed", false, e);
        } catch (TimeoutException e) {
            throw new BackendException(ErrorCode.STORAGE_ERROR, "uploading part " + part.number + " of " + key
                    + " took longer than " + waitLimit, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(ErrorCode.STORAGE_ERROR, "interrupted while uploading " + key, true, e);
        }
    }

    private void acquireSlot() {
        try {
            if (!inFlight.tryAcquire(waitLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BackendException(ErrorCode.STORAGE_ERROR, "no upload slot became free within " + waitLimit
                        + " for a part of " + key, true, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(ErrorCode.STORAGE_ERROR, "interrupted while uploading " + key, true, e);
        }
    }

    /**
     * One part on its way. It holds a slot from {@link #send} until it has run or been skipped;
     * whichever of the two happens first releases the slot, once.
     */
    private final class Part implements Runnable {
        private static final int QUEUED = 0;
        private static final int RUNNING = 1;
        private static final int SKIPPED = 2;

        final int number;
        final CompletableFuture<CompletedPart> result = new CompletableFuture<>();
        private final byte[] data;
        private final int length;
        private final AtomicInteger state = new AtomicInteger(QUEUED);

        Part(int number, byte[] data, int length) {
            this.number = number;
            this.data = data;
            this.length = length;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return;
            }
            try {
                UploadPartResponse response = s3.uploadPart(
                        b -> b.bucket(bucket).key(key.value()).uploadId(uploadId).partNumber(number).contentLength((long) length),
                        RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, length), length,
                                "application/octet-stream"));
                result.complete(CompletedPart.builder().partNumber(number).eTag(response.eTag()).build());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e); // reaches the uploading thread through result
            } finally {
                inFlight.release();
            }
        }

        /** Keeps the part from starting; false when it already has (then wait for its result). */
        boolean skip() {
            if (state.compareAndSet(QUEUED, SKIPPED)) {
                inFlight.release();
                result.cancel(false);
                return true;
            }
            return false;
        }
    }
}
