package dev.attic.storage.s3;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;

/**
 * How {@link S3Storage} reaches its bucket. Build one with {@link #builder(String)}; every setting
 * but the bucket has a default.
 *
 * @param bucket the bucket, which must exist
 * @param region the signing region (default {@code us-east-1}, which S3-compatible servers accept)
 * @param endpoint an S3-compatible server's URL; when set, requests use path-style addressing
 *     ({@code http://host/bucket/key}). Empty: AWS S3 of the region, virtual-hosted style
 * @param credentials a static key pair; empty: the SDK's default chain (environment, system
 *     properties, {@code ~/.aws}, container and instance roles)
 * @param multipartThreshold objects longer than this go up in a multipart upload; at most
 *     {@code partSize}
 * @param partSize the size of each multipart part, at least 5 MiB (S3's minimum). Each part is held
 *     in memory while it uploads
 * @param maxParallelParts the most parts in flight at once, across all uploads of this storage; it
 *     bounds the upload threads and the part buffers in memory ({@code maxParallelParts × partSize})
 * @param maxConnections the HTTP connection pool size
 * @param connectTimeout the limit for opening a TCP connection
 * @param socketTimeout the limit for a single read or write on a connection, which also bounds a
 *     stalled download stream
 * @param apiCallAttemptTimeout the limit for one HTTP attempt of one call
 * @param apiCallTimeout the limit for one call, retries included
 * @param maxAttempts attempts per call, the first included (1 = no retries)
 * @param retryBaseDelay the first retry's backoff; it doubles per retry, with jitter
 * @param retryMaxDelay the longest backoff
 * @param requestChecksumCalculation when the SDK adds checksums to uploads: {@code WHEN_SUPPORTED}
 *     (the SDK default) or {@code WHEN_REQUIRED}, which servers that reject the newer checksum
 *     headers need (Ceph RGW 16 answers 400 otherwise)
 * @param responseChecksumValidation when the SDK validates checksums of downloads
 * @param listPageSize keys asked for per listing page, 1 to 1000 (S3's maximum and the default)
 */
public record S3StorageConfig(
        String bucket,
        String region,
        Optional<URI> endpoint,
        Optional<S3Credentials> credentials,
        int multipartThreshold,
        int partSize,
        int maxParallelParts,
        int maxConnections,
        Duration connectTimeout,
        Duration socketTimeout,
        Duration apiCallAttemptTimeout,
        Duration apiCallTimeout,
        int maxAttempts,
        Duration retryBaseDelay,
        Duration retryMaxDelay,
        RequestChecksumCalculation requestChecksumCalculation,
        ResponseChecksumValidation responseChecksumValidation,
        int listPageSize) {

    /** S3's smallest part (but the last). */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    /** The largest part this backend holds in memory. */
    public static final int MAX_PART_SIZE = 512 * 1024 * 1024;

    public S3StorageConfig {
        require(bucket != null && bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"),
                "S3 bucket name \"" + bucket + "\" is not 3-63 characters of a-z, 0-9, '.', '-'");
        require(region != null && !region.isBlank(), "S3 region is empty");
        Objects.requireNonNull(endpoint, "endpoint");
        endpoint.ifPresent(uri -> require(uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getHost() != null, "S3 endpoint " + uri + " is not an http(s) URL"));
        Objects.requireNonNull(credentials, "credentials");
        require(partSize >= MIN_PART_SIZE && partSize <= MAX_PART_SIZE,
                "S3 part size " + partSize + " is outside " + MIN_PART_SIZE + ".." + MAX_PART_SIZE);
        require(multipartThreshold >= 0 && multipartThreshold <= partSize,
                "S3 multipart threshold " + multipartThreshold + " is outside 0..partSize (" + partSize + ")");
        require(maxParallelParts >= 1 && maxParallelParts <= 64, "S3 max parallel parts " + maxParallelParts + " is outside 1..64");
        require(maxConnections >= maxParallelParts + 1,
                "S3 max connections " + maxConnections + " must exceed max parallel parts " + maxParallelParts);
        positive(connectTimeout, "connect timeout");
        positive(socketTimeout, "socket timeout");
        positive(apiCallAttemptTimeout, "API call attempt timeout");
        positive(apiCallTimeout, "API call timeout");
        require(maxAttempts >= 1 && maxAttempts <= 20, "S3 max attempts " + maxAttempts + " is outside 1..20");
        positive(retryBaseDelay, "retry base delay");
        positive(retryMaxDelay, "retry max delay");
        require(retryMaxDelay.compareTo(retryBaseDelay) >= 0, "S3 retry max delay is shorter than the base delay");
        Objects.requireNonNull(requestChecksumCalculation, "requestChecksumCalculation");
        Objects.requireNonNull(responseChecksumValidation, "responseChecksumValidation");
        require(listPageSize >= 1 && listPageSize <= 1000, "S3 list page size " + listPageSize + " is outside 1..1000");
    }

    /** A builder with every default set, for {@code bucket}. */
    public static Builder builder(String bucket) {
        return new Builder(bucket);
    }

    /** A builder holding this configuration, to change a few settings. */
    public Builder toBuilder() {
        Builder b = new Builder(bucket);
        b.region = region;
        b.endpoint = endpoint.orElse(null);
        b.credentials = credentials.orElse(null);
        b.multipartThreshold = multipartThreshold;
        b.partSize = partSize;
        b.maxParallelParts = maxParallelParts;
        b.maxConnections = maxConnections;
        b.connectTimeout = connectTimeout;
        b.socketTimeout = socketTimeout;
        b.apiCallAttemptTimeout = apiCallAttemptTimeout;
        b.apiCallTimeout = apiCallTimeout;
        b.maxAttempts = maxAttempts;
        b.retryBaseDelay = retryBaseDelay;
        b.retryMaxDelay = retryMaxDelay;
        b.requestChecksumCalculation = requestChecksumCalculation;
        b.responseChecksumValidation = responseChecksumValidation;
        b.listPageSize = listPageSize;
        return b;
    }

    private static void positive(Duration d, String name) {
        require(d != null && !d.isNegative() && !d.isZero(), "S3 " + name + " must be positive, not " + d);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, message);
        }
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private final String bucket;
        private String region = "us-east-1";
        private URI endpoint;
        private S3Credentials credentials;
        private int multipartThreshold = 8 * 1024 * 1024;
        private int partSize = 8 * 1024 * 1024;
        private int maxParallelParts = 4;
        private int maxConnections = 64;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration socketTimeout = Duration.ofSeconds(60);
        private Duration apiCallAttemptTimeout = Duration.ofMinutes(2);
        private Duration apiCallTimeout = Duration.ofMinutes(5);
        private int maxAttempts = 4;
        private Duration retryBaseDelay = Duration.ofMillis(100);
        private Duration retryMaxDelay = Duration.ofSeconds(10);
        private RequestChecksumCalculation requestChecksumCalculation = RequestChecksumCalculation.WHEN_SUPPORTED;
        private ResponseChecksumValidation responseChecksumValidation = ResponseChecksumValidation.WHEN_SUPPORTED;
        private int listPageSize = 1000;

        private Builder(String bucket) {
            this.bucket = bucket;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** An S3-compatible server; switches to path-style addressing. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder credentials(String accessKeyId, String secretAccessKey) {
            this.credentials = new S3Credentials(accessKeyId, secretAccessKey);
            return this;
        }

        /** Back to the SDK's default credentials chain. */
        public Builder defaultCredentials() {
            this.credentials = null;
            return this;
        }

        public Builder multipartThreshold(int bytes) {
            this.multipartThreshold = bytes;
            return this;
        }

        public Builder partSize(int bytes) {
            this.partSize = bytes;
            return this;
        }

        public Builder maxParallelParts(int parts) {
            this.maxParallelParts = parts;
            return this;
        }

        public Builder maxConnections(int connections) {
            this.maxConnections = connections;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder socketTimeout(Duration timeout) {
            this.socketTimeout = timeout;
            return this;
        }

        public Builder apiCallAttemptTimeout(Duration timeout) {
            this.apiCallAttemptTimeout = timeout;
            return this;
        }

        public Builder apiCallTimeout(Duration timeout) {
            this.apiCallTimeout = timeout;
            return this;
        }

        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        public Builder retryBackoff(Duration baseDelay, Duration maxDelay) {
            this.retryBaseDelay = baseDelay;
            this.retryMaxDelay = maxDelay;
            return this;
        }

        /** Sets both checksum switches; {@code WHEN_REQUIRED} for servers such as Ceph RGW 16. */
        public Builder checksums(RequestChecksumCalculation calculation, ResponseChecksumValidation validation) {
            this.requestChecksumCalculation = calculation;
            this.responseChecksumValidation = validation;
            return this;
        }

        public Builder listPageSize(int keys) {
            this.listPageSize = keys;
            return this;
        }

        public S3StorageConfig build() {
            return new S3StorageConfig(bucket, region, Optional.ofNullable(endpoint), Optional.ofNullable(credentials),
                    multipartThreshold, partSize, maxParallelParts, maxConnections, connectTimeout, socketTimeout,
                    apiCallAttemptTimeout, apiCallTimeout, maxAttempts, retryBaseDelay, retryMaxDelay,
                    requestChecksumCalculation, responseChecksumValidation, listPageSize);
        }
    }
}
