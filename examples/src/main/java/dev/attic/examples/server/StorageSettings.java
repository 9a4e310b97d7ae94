package dev.attic.examples.server;

import dev.attic.storage.Storage;
import dev.attic.storage.fs.FileSystemStorage;
import dev.attic.storage.s3.S3Storage;
import dev.attic.storage.s3.S3StorageConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Upstream's {@code [storage]}: a local directory or an S3 bucket. */
public sealed interface StorageSettings {

    /** Opens the storage. */
    Storage open();

    /** {@code type = "local"}, {@code path = "..."}. */
    record Local(Path path) implements StorageSettings {
        public Local {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public Storage open() {
            return FileSystemStorage.at(path);
        }
    }

    /**
     * {@code type = "s3"} with {@code region}, {@code bucket}, optional {@code endpoint} and optional
     * {@code [storage.credentials] access_key_id / secret_access_key} (else the AWS default chain).
     */
    record S3(String region, String bucket, Optional<URI> endpoint, Optional<String> accessKeyId,
            Optional<String> secretAccessKey) implements StorageSettings {
        public S3 {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }

        /** The storage client's settings, validated. */
        S3StorageConfig config() {
            S3StorageConfig.Builder b = S3StorageConfig.builder(bucket).region(region);
            endpoint.ifPresent(b::endpoint);
            if (accessKeyId.isPresent()) {
                b.credentials(accessKeyId.get(), secretAccessKey.orElseThrow());
            } else {
                b.defaultCredentials();
            }
            return b.build();
        }

        @Override
        public Storage open() {
            return S3Storage.open(config());
        }

        @Override
        public String toString() {
            return "S3[region=" + region + ", bucket=" + bucket + ", endpoint=" + endpoint.map(URI::toString).orElse("(AWS)")
                    + ", credentials=" + (accessKeyId.isPresent() ? accessKeyId.get() + ":***" : "(default chain)") + "]";
        }
    }
}
