package dev.attic.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BackendException;
import dev.attic.ErrorCode;
import dev.attic.storage.SeededBytes;
import dev.attic.storage.Storage;
import dev.attic.storage.StorageContract;
import dev.attic.storage.StorageKey;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The storage contract plus what only an S3 server can show (signatures checked, multipart uploads
 * aborted), run against a real S3 server that a subclass names. Each test gets its own bucket.
 */
abstract class S3StorageContract extends StorageContract {
    static final int PART_SIZE = S3StorageConfig.MIN_PART_SIZE;

    /** Where the server is and how to sign for it. */
    record Server(URI endpoint, String region, String accessKey, String secretKey, boolean checksumsWhenRequired) {
    }

    /** The server under test. */
    abstract Server server();

    private S3Client admin;
    private String bucket;

    S3StorageConfig.Builder config(String bucketName) {
        Server server = server();
        S3StorageConfig.Builder b = S3StorageConfig.builder(bucketName)
                .endpoint(server.endpoint())
                .region(server.region())
                .credentials(server.accessKey(), server.secretKey())
                .multipartThreshold(1024 * 1024)
                .partSize(PART_SIZE)
                .maxParallelParts(2)
                .listPageSize(7) // so the listing tests cross pages
                .apiCallTimeout(Duration.ofSeconds(60))
                .apiCallAttemptTimeout(Duration.ofSeconds(30));
        if (server.checksumsWhenRequired()) {
            b.checksums(RequestChecksumCalculation.WHEN_REQUIRED, ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return b;
    }

    @Override
    protected Storage openStorage() {
        Server server = server();
        admin = S3Client.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(server.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        bucket = "attic-test-" + UUID.randomUUID().toString().substring(0, 13);
        admin.createBucket(b -> b.bucket(bucket));
        return S3Storage.open(config(bucket).build());
    }

    @AfterEach
    void closeAdmin() {
        if (admin != null) {
            admin.close();
        }
    }

    @Override
    protected long largeObjectSize() {
        return PART_SIZE + 1024 * 1024 + 3; // above the 1 MiB threshold and above one part
    }

    @Override
    protected boolean supportsDownloadUrl() {
        return true;
    }

    @Override
    protected void assertNoUnfinishedUpload(StorageKey key) {
        List<MultipartUpload> uploads = admin.listMultipartUploads(b -> b.bucket(bucket).prefix(key.value())).uploads();
        assertEquals(List.of(), uploads, "multipart uploads left unfinished for " + key);
    }

    @Test
    void aPresignedUrlSignedWithAWrongSecretIsRefused() throws Exception {
        StorageKey key = key("signed");
        putBytes(key, new SeededBytes(20, 1_000).toArray());
        Server server = server();
        try (S3Presigner forger = S3Presigner.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(server.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(server.accessKey(), server.secretKey() + "-wrong")))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build()) {
            URI forged = forger.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(bucket).key(key.value()))).url().toURI();
            assertEquals(403, httpGet(forged).statusCode());
        }
        URI genuine = storage.downloadUrl(key, Duration.ofMinutes(5)).orElseThrow();
        assertEquals(200, httpGet(genuine).statusCode());
        URI tampered = URI.create(genuine.toString().replace("X-Amz-Expires=300", "X-Amz-Expires=299"));
        assertTrue(genuine.toString().contains("X-Amz-Expires=300"), genuine.toString());
        assertEquals(403, httpGet(tampered).statusCode());
    }

    @Test
    void aWrongSecretIsAPermanentFailure() {
        BackendException e = assertThrows(BackendException.class,
                () -> S3Storage.open(config(bucket).credentials(server().accessKey(), "not-the-secret").build()));
        assertEquals(ErrorCode.STORAGE_ERROR, e.code());
        assertFalse(e.isTransient(), e.getMessage());
        assertTrue(e.getMessage().contains("403"), e.getMessage());
    }

    @Test
    void aMissingBucketIsRefusedWhenOpening() {
        BackendException e = assertThrows(BackendException.class,
                () -> S3Storage.open(config("attic-no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8)).build()));
        assertFalse(e.isTransient());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aMultipartUploadIsCompletedAsOneObjectOfTheRightSize() {
        // Three parts: two full ones and a short last one, sent two at a time.
        SeededBytes content = new SeededBytes(21, 2L * PART_SIZE + 777);
        StorageKey key = key("three-parts");
        assertEquals(content.size(), storage.put(key, content.stream(), Storage.UNKNOWN_LENGTH));
        assertEquals(content.sha256(), SeededBytes.sha256(storage.open(key)));
        String eTag = admin.headObject(b -> b.bucket(bucket).key(key.value())).eTag();
        assertTrue(eTag.endsWith("-3\""), "a multipart ETag ends in the part count: " + eTag);
        assertNoUnfinishedUpload(key);
    }

    @Test
    void anObjectAtTheThresholdIsOnePut() {
        SeededBytes content = new SeededBytes(22, 1024 * 1024);
        StorageKey key = key("threshold");
        storage.put(key, content.stream(), Storage.UNKNOWN_LENGTH);
        String eTag = admin.headObject(b -> b.bucket(bucket).key(key.value())).eTag();
        assertFalse(eTag.contains("-"), "a single PUT has a plain MD5 ETag: " + eTag);
        assertEquals(content.sha256(), SeededBytes.sha256(storage.open(key)));
    }
}
