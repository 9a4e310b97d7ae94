package dev.attic.storage.s3;

import dev.attic.AtticException;
import dev.attic.BackendException;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.storage.Storage;
import dev.attic.storage.StorageKey;
import dev.attic.storage.StoredObject;
import dev.attic.storage.internal.ByteRange;
import dev.attic.storage.internal.PutSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in an S3 bucket (AWS or an S3-compatible server), through the AWS SDK v2's synchronous
 * client on the Apache HttpClient 5.
 *
 * <ul>
 *   <li>A put reads up to {@code multipartThreshold} bytes; if the data ends there it is one
 *       {@code PutObject}, otherwise a multipart upload of {@code partSize} parts sent in parallel
 *       (bounded by {@code maxParallelParts}), aborted on any failure. Unknown lengths work the same.</li>
 *   <li>Every call has a connect, socket, attempt and total timeout; transient failures are retried
 *       by the SDK with exponential backoff and jitter.</li>
 *   <li>{@link #downloadUrl} presigns a {@code GET}, valid for at most 7 days (SigV4's limit).</li>
 * </ul>
 */
public final class S3Storage implements Storage {
    /** The longest validity SigV4 allows for a presigned URL. */
    public static final Duration MAX_URL_VALIDITY = Duration.ofDays(7);

    private final S3StorageConfig config;
    private final String bucket;
    private final S3Connection connection;
    private final S3Client s3;
    private final ExecutorService partPool;
    private final Semaphore partSlots;
    private final Duration partWaitLimit;

    private S3Storage(S3StorageConfig config) {
        this.config = config;
        this.bucket = config.bucket();
        this.connection = S3Connection.of(config);
        this.s3 = connection.client;
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "attic-s3-part-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // A part needs one of maxParallelParts slots before it is queued, so the queue never
        // holds more than that.
        int parts = config.maxParallelParts();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(parts, parts, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(parts), factory);
        pool.allowCoreThreadTimeOut(true);
        this.partPool = pool;
        this.partSlots = new Semaphore(parts);
        this.partWaitLimit = config.apiCallTimeout().plusMinutes(1);
    }

    /**
     * Connects to the configured bucket and checks that it is there.
     *
     * @throws BackendException when the bucket is missing or not accessible (permanent), or the
     *     server cannot be reached (transient)
     */
    public static S3Storage open(S3StorageConfig config) {
        S3Storage storage = new S3Storage(Objects.requireNonNull(config, "config"));
        try {
            storage.s3.headBucket(b -> b.bucket(storage.bucket));
        } catch (SdkException e) {
            storage.close();
            if (S3Failure.isNotFound(e)) {
                throw new BackendException(ErrorCode.STORAGE_ERROR, "S3 bucket " + storage.bucket + " does not exist"
                        + config.endpoint().map(u -> " at " + u).orElse(""), false, e);
            }
            throw S3Failure.of("opening S3 bucket " + storage.bucket, e);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        return storage;
    }

    /** The configuration this storage was opened with. */
    public S3StorageConfig config() {
        return config;
    }

    @Override
    public long put(StorageKey key, InputStream data, long length) {
        Objects.requireNonNull(key, "key");
        PutSource source = new PutSource(key, data, length);
        int firstLimit = length >= 0 && length < config.multipartThreshold() ? (int) length : config.multipartThreshold();
        PartBuffer first = new PartBuffer(Math.min(firstLimit, PartBuffer.SMALL));
        first.fill(source, firstLimit);
        if (source.atEnd()) {
            putWhole(key, first);
            return first.length();
        }
        MultipartUpload upload = MultipartUpload.start(s3, bucket, key, partPool, partSlots, partWaitLimit);
        try {
            PartBuffer part = first;
            part.fill(source, config.partSize());
            while (true) {
                upload.send(part.array(), part.length());
                if (source.atEnd()) {
                    break;
                }
                part = new PartBuffer(config.partSize());  // parts after the first are nearly always full
                part.fill(source, config.partSize());
            }
            return upload.complete();
        } catch (RuntimeException | Error e) {
            upload.abort(e);
            throw e;
        }
    }

    private void putWhole(StorageKey key, PartBuffer data) {
        byte[] array = data.array();
        int length = data.length();
        try {
            s3.putObject(b -> b.bucket(bucket).key(key.value()).contentLength((long) length),
                    RequestBody.fromContentProvider(() -> new ByteArrayInputStream(array, 0, length), length,
                            "application/octet-stream"));
        } catch (SdkException e) {
            throw S3Failure.of("storing " + key, e);
        }
    }

    @Override
    public InputStream open(StorageKey key) {
        Objects.requireNonNull(key, "key");
        try {
            return checked(s3.getObject(b -> b.bucket(bucket).key(key.value())), key, Long.MAX_VALUE);
        } catch (SdkException e) {
            throw translate("reading " + key, key, e);
        }
    }

    @Override
    public InputStream open(StorageKey key, long offset, long length) {
        Objects.requireNonNull(key, "key");
        ByteRange range = new ByteRange(offset, length);
        if (length == 0) {
            long size = size(key).orElseThrow(() -> S3Failure.notFound(key, bucket));
            range.lengthWithin(key, size);
            return InputStream.nullInputStream();
        }
        long last = offset + length - 1 < offset ? Long.MAX_VALUE : offset + length - 1;
        ResponseInputStream<GetObjectResponse> body;
        try {
            body = s3.getObject(b -> b.bucket(bucket).key(key.value()).range("bytes=" + offset + "-" + last));
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                // The range starts at or past the end: empty at the end, an error beyond it.
                long size = size(key).orElseThrow(() -> S3Failure.notFound(key, bucket));
                if (range.lengthWithin(key, size) == 0) {
                    return InputStream.nullInputStream();
                }
            }
            throw translate("reading bytes " + offset + ".. of " + key, key, e);
        } catch (SdkException e) {
            throw translate("reading bytes " + offset + ".. of " + key, key, e);
        }
        GetObjectResponse response = body.response();
        String contentRange = response.contentRange();
        if (contentRange == null ? offset != 0 : !contentRange.startsWith("bytes " + offset + "-")) {
            body.abort();
            throw new BackendException(ErrorCode.STORAGE_ERROR, "S3 answered a request for bytes " + offset + "- of "
                    + key + " with " + (contentRange == null ? "the whole object" : "range " + contentRange), false, null);
        }
        return checked(body, key, length);
    }

    /** The body, at most {@code limit} bytes of it, checked against its Content-Length. */
    private static InputStream checked(ResponseInputStream<GetObjectResponse> body, StorageKey key, long limit) {
        Long contentLength = body.response().contentLength();
        if (contentLength == null) {
            body.abort();
            throw new BackendException(ErrorCode.STORAGE_ERROR, "S3 sent " + key
                    + " without a Content-Length, so a download cut short could not be told from a whole one", false, null);
        }
        return new CheckedLengthStream(body, key.value(), Math.min(contentLength, limit));
    }

    @Override
    public Optional<Long> size(StorageKey key) {
        Objects.requireNonNull(key, "key");
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key.value())).contentLength());
        } catch (SdkException e) {
            if (S3Failure.isNotFound(e)) {
                return Optional.empty();
            }
            throw S3Failure.of("reading the size of " + key, e);
        }
    }

    @Override
    public void delete(StorageKey key) {
        Objects.requireNonNull(key, "key");
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key.value()));
        } catch (SdkException e) {
            if (!S3Failure.isNotFound(e)) {
                throw S3Failure.of("deleting " + key, e);
            }
        }
    }

    @Override
    public Stream<StoredObject> list(String prefix) {
        StorageKey.checkPrefix(prefix);
        Iterator<S3Object> pages = s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).maxKeys(config.listPageSize()))
                .contents().iterator();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Listing(pages, bucket + "/" + prefix), Spliterator.NONNULL), false)
                .filter(o -> StorageKey.isValid(o.key()))
                .map(o -> new StoredObject(StorageKey.of(o.key()), o.size()));
    }

    @Override
    public Optional<URI> downloadUrl(StorageKey key, Duration validFor) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(validFor, "validFor");
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_URL_VALIDITY) > 0) {
            throw new BadInputException(ErrorCode.BAD_REQUEST,
                    "a download URL must be valid for more than 0 and at most 7 days, not " + validFor);
        }
        try {
            return Optional.of(connection.presigner.presignGetObject(p -> p.signatureDuration(validFor)
                    .getObjectRequest(g -> g.bucket(bucket).key(key.value()))).url().toURI());
        } catch (SdkException e) {
            throw S3Failure.of("presigning a download URL for " + key, e);
        } catch (URISyntaxException e) {
            throw new BackendException(ErrorCode.STORAGE_ERROR, "the presigned URL for " + key + " is not a URI: " + e, false, e);
        }
    }

    @Override
    public void close() {
        partPool.shutdownNow();
        connection.close();
    }

    @Override
    public String toString() {
        return "S3Storage[" + config.endpoint().map(URI::toString).orElse("s3:" + config.region()) + "/" + bucket + "]";
    }

    private AtticException translate(String what, StorageKey key, SdkException e) {
        return S3Failure.isNotFound(e) ? S3Failure.notFound(key, bucket) : S3Failure.of(what, e);
    }
}
