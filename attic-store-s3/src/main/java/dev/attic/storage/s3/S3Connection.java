package dev.attic.storage.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK objects an {@link S3StorageConfig} describes: a sync client with every timeout, the retry
 * strategy and the checksum switches set, and a presigner that signs for the same endpoint.
 */
final class S3Connection implements AutoCloseable {
    final S3Client client;
    final S3Presigner presigner;
    private final AwsCredentialsProvider credentials;

    private S3Connection(S3Client client, S3Presigner presigner, AwsCredentialsProvider credentials) {
        this.client = client;
        this.presigner = presigner;
        this.credentials = credentials;
    }

    static S3Connection of(S3StorageConfig config) {
        AwsCredentialsProvider credentials = config.credentials()
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        boolean pathStyle = config.endpoint().isPresent();
        RetryStrategy retries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(config.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(config.retryBaseDelay(), config.retryMaxDelay()))
                .build();
        S3ClientBuilder client = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(config.connectTimeout())
                        .socketTimeout(config.socketTimeout())
                        .connectionAcquisitionTimeout(config.apiCallAttemptTimeout())
                        .maxConnections(config.maxConnections()))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(config.apiCallAttemptTimeout())
                        .apiCallTimeout(config.apiCallTimeout())
                        .retryStrategy(retries)
                        .build())
                .requestChecksumCalculation(config.requestChecksumCalculation())
                .responseChecksumValidation(config.responseChecksumValidation())
                // Bodies are in memory, so the SDK can hash them before sending: no aws-chunked
                // signing, whose empty-body form Ceph RGW 16 rejects (XAmzContentSHA256Mismatch).
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(pathStyle)
                        .chunkedEncodingEnabled(false)
                        .build());
        config.endpoint().ifPresent(client::endpointOverride);
        S3Presigner.Builder presigner = S3Presigner.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
        config.endpoint().ifPresent(presigner::endpointOverride);
        return new S3Connection(client.build(), presigner.build(), credentials);
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}
