package dev.attic.storage.s3;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * The S3 contract against S3Proxy, started in this JVM on a loopback port with an in-memory blob
 * store and real AWS Signature V4 checking. Runs in every {@code mvn verify}. The SDK's default
 * checksums stay on here; {@link ExternalS3StorageTest} covers the {@code WHEN_REQUIRED} switch.
 */
class S3ProxyStorageTest extends S3StorageContract {
    private static final String ACCESS_KEY = "AKIAS3PROXYTEST";
    private static final String SECRET_KEY = "s3proxy-test-secret";
    private static Server server;

    @Override
    synchronized Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    private static Server start() {
        try {
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new TransientNio2BlobStore())
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
                Thread.sleep(10);
            }
            if (!"STARTED".equals(proxy.getState())) {
                throw new AssertionError("S3Proxy did not start: " + proxy.getState());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    proxy.stop();
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }));
            return new Server(URI.create("http://127.0.0.1:" + proxy.getPort()), "us-east-1", ACCESS_KEY, SECRET_KEY, false);
        } catch (Exception e) {
            throw new AssertionError("cannot start S3Proxy", e);
        }
    }
}
