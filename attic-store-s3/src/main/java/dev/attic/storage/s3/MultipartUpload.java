package dev.attic.storage.s3;

import dev.attic.AtticException;
import dev.attic.BackendException;
import dev.attic.ErrorCode;
import dev.attic.storage.StorageKey;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * One multipart upload: parts go up in parallel on the storage's bounded pool, at most as many at
 * once (across all uploads) as the shared semaphore allows, and a failure of any part, of the
 * caller's stream or of the completion aborts the upload, so no object and no orphaned parts stay
 * behind. Used by one thread.
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
    private final List<Future<CompletedPart>> parts = new ArrayList<>();
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
        int number = parts.size() + 1;
        bytes += length;
        try {
            parts.add(pool.submit(() -> {
                try {
                    UploadPartResponse response = s3.uploadPart(
                            b -> b.bucket(bucket).key(key.value()).uploadId(uploadId).partNumber(number).contentLength((long) length),
                            RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, length), length,
                                    "application/octet-stream"));
                    return CompletedPart.builder().partNumber(number).eTag(response.eTag()).build();
                } finally {
                    inFlight.release();
                }
            }));
        } catch (RejectedExecutionException e) {
            inFlight.release();
            throw new BackendException(ErrorCode.STORAGE_ERROR, "uploading part " + number + " of " + key
                    + " failed: the storage is closed", false, e);
        }
    }

    /** Waits for every part and completes the upload; returns the object's size. */
    long complete() {
        List<CompletedPart> done = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            done.add(result(i));
        }
        done.sort(Comparator.comparing(CompletedPart::partNumber));
        try {
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key.value()).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(done)));
        } catch (SdkException e) {
            throw S3Failure.of("completing the multipart upload of " + key, e);
        }
        return bytes;
    }

    /**
     * Cancels what has not started, waits for parts in flight, and aborts the upload so the server
     * drops every part. A failure to abort is added to {@code cause} as suppressed.
     */
    void abort(Throwable cause) {
        for (Future<CompletedPart> part : parts) {
            part.cancel(false);
        }
        for (Future<CompletedPart> part : parts) {
            try {
                part.get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | CancellationException e) {
                // This part failed or never ran: nothing of it is left to wait for.
            } catch (TimeoutException e) {
                cause.addSuppressed(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).isDone()) {
                result(i);
            }
        }
    }

    private CompletedPart result(int index) {
        try {
            return parts.get(index).get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SdkException sdk) {
                throw S3Failure.of("uploading part " + (index + 1) + " of " + key, sdk);
            }
            if (cause instanceof AtticException attic) {
                throw attic;
            }
            throw new BackendException(ErrorCode.STORAGE_ERROR, "uploading part " + (index + 1) + " of " + key
                    + " failed: " + cause, false, cause);
        } catch (TimeoutException e) {
            throw new BackendException(ErrorCode.STORAGE_ERROR, "uploading part " + (index + 1) + " of " + key
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
}
