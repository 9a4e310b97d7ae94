package dev.attic.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3StorageConfigTest {
    @Test
    void defaultsToTheSdkCredentialChainAndVirtualHostedAws() {
        S3StorageConfig config = S3StorageConfig.builder("my-cache").build();
        assertEquals(Optional.empty(), config.credentials());
        assertEquals(Optional.empty(), config.endpoint());
        assertEquals("us-east-1", config.region());
        assertTrue(config.multipartThreshold() <= config.partSize());
    }

    @Test
    void rejectsAPartSizeBelowTheS3Minimum() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> S3StorageConfig.builder("b-1").partSize(1024 * 1024).multipartThreshold(1024).build());
        assertTrue(e.getMessage().contains("part size"), e.getMessage());
    }

    @Test
    void rejectsAThresholdAbovethePartSize() {
        assertThrows(BadInputException.class,
                () -> S3StorageConfig.builder("b-1").partSize(S3StorageConfig.MIN_PART_SIZE).multipartThreshold(S3StorageConfig.MIN_PART_SIZE + 1).build());
    }

    @Test
    void rejectsBadBucketNamesEndpointsAndTimeouts() {
        assertThrows(BadInputException.class, () -> S3StorageConfig.builder("Upper_Case").build());
        assertThrows(BadInputException.class, () -> S3StorageConfig.builder("b").build());
        assertThrows(BadInputException.class, () -> S3StorageConfig.builder("b-1").endpoint(URI.create("ftp://host/")).build());
        assertThrows(BadInputException.class, () -> S3StorageConfig.builder("b-1").endpoint(URI.create("relative")).build());
        assertThrows(BadInputException.class, () -> S3StorageConfig.builder("b-1").apiCallTimeout(Duration.ZERO).build());
        assertThrows(BadInputException.class, () -> S3StorageConfig.builder("b-1").maxParallelParts(0).build());
        assertThrows(BadInputException.class, () -> S3StorageConfig.builder("b-1").maxParallelParts(8).maxConnections(8).build());
        assertThrows(BadInputException.class, () -> S3StorageConfig.builder("b-1").maxAttempts(0).build());
        assertThrows(BadInputException.class, () -> S3StorageConfig.builder("b-1").listPageSize(1001).build());
    }

    @Test
    void neverShowsTheSecretKey() {
        S3StorageConfig config = S3StorageConfig.builder("b-1").credentials("AKIAEXAMPLE", "very-secret-key").build();
        assertFalse(config.toString().contains("very-secret-key"), config.toString());
        assertTrue(config.toString().contains("AKIAEXAMPLE"), config.toString());
    }

    @Test
    void toBuilderKeepsEverySetting() {
        S3StorageConfig config = S3StorageConfig.builder("b-1").endpoint(URI.create("http://127.0.0.1:9000"))
                .credentials("a", "s").partSize(6 * 1024 * 1024).multipartThreshold(1).maxParallelParts(3)
                .maxAttempts(7).retryBackoff(Duration.ofMillis(5), Duration.ofSeconds(1)).listPageSize(9).build();
        assertEquals(config, config.toBuilder().build());
    }
}
