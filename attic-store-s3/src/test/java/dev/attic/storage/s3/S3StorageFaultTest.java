package dev.attic.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BackendException;
import dev.attic.ErrorCode;
import dev.attic.storage.SeededBytes;
import dev.attic.storage.Storage;
import dev.attic.storage.StorageKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * How S3Storage meets failures a real server will not produce on request: unreachable, hanging,
 * overloaded, or cutting a download short. A hang guard of {@code assertTimeoutPreemptively} proves
 * a call gives up instead of blocking forever; it measures nothing.
 */
class S3StorageFaultTest {
    private static S3StorageConfig.Builder config(URI endpoint) {
        return S3StorageConfig.builder("bucket").endpoint(endpoint).credentials("AKIAFAULT", "secret")
                .connectTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(2))
                .apiCallAttemptTimeout(Duration.ofSeconds(2)).apiCallTimeout(Duration.ofSeconds(5))
                .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(50));
    }

    @Test
    void anUnreachableServerIsATransientFailure() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + port);
        BackendException e = assertThrows(BackendException.class, () -> S3Storage.open(config(nobody).maxAttempts(1).build()));
        assertEquals(ErrorCode.STORAGE_ERROR, e.code());
        assertTrue(e.isTransient(), e.getMessage());
    }

    @Test
    void aServerThatNeverAnswersTimesOutAsATransientFailure() throws IOException {
        try (FaultyServer server = new FaultyServer(exchange -> Thread.sleep(60_000))) {
            BackendException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(BackendException.class, () -> S3Storage.open(config(server.endpoint()).maxAttempts(2).build())));
            assertTrue(e.isTransient(), e.getMessage());
        }
    }

    @Test
    void aBusyServerIsRetriedWithBackoffAndThenATransientFailure() throws IOException {
        byte[] slowDown = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
                + "<Message>Please reduce your request rate.</Message></Error>").getBytes(StandardCharsets.UTF_8);
        try (FaultyServer server = new FaultyServer(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(503, head ? -1 : slowDown.length);
            if (!head) {
                exchange.getResponseBody().write(slowDown);
            }
        })) {
            BackendException e = assertThrows(BackendException.class, () -> S3Storage.open(config(server.endpoint()).maxAttempts(3).build()));
            assertTrue(e.isTransient(), e.getMessage());
            assertTrue(e.getMessage().contains("503"), e.getMessage());
            assertEquals(3, server.requests.get(), "one call, tried three times");
        }
    }

    @Test
    void aForbiddenAnswerIsNotRetried() throws IOException {
        try (FaultyServer server = new FaultyServer(exchange -> exchange.sendResponseHeaders(403, -1))) {
            BackendException e = assertThrows(BackendException.class, () -> S3Storage.open(config(server.endpoint()).maxAttempts(3).build()));
            assertEquals(false, e.isTransient(), e.getMessage());
            assertEquals(1, server.requests.get());
        }
    }

    @Test
    void aPartThatTheServerRefusesAbortsTheUploadAfterThePartsInFlight() throws IOException {
        // Part 1 is refused at once; part 2, sent beside it, takes a while. The abort must wait for
        // part 2 to finish, or part 2 could land after it. Each call is logged just before the server
        // answers it, so the log's order is the order in which the client saw the answers.
        List<String> calls = new CopyOnWriteArrayList<>();
        try (FaultyServer server = new FaultyServer(exchange -> {
            exchange.getRequestBody().readAllBytes();
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            String call = exchange.getRequestMethod() + " " + query.replaceAll("=[^&]*", "");
            switch (call) {
                case "HEAD null" -> {
                    calls.add(call);
                    exchange.sendResponseHeaders(200, -1);
                }
                case "POST uploads" -> {
                    byte[] xml = ("<InitiateMultipartUploadResult><Bucket>bucket</Bucket><Key>big</Key>"
                            + "<UploadId>up-1</UploadId></InitiateMultipartUploadResult>").getBytes(StandardCharsets.UTF_8);
                    calls.add(call);
                    exchange.sendResponseHeaders(200, xml.length);
                    exchange.getResponseBody().write(xml);
                }
                case "DELETE uploadId" -> {
                    calls.add(call);
                    exchange.sendResponseHeaders(204, -1);
                }
                case "PUT partNumber&uploadId" -> {
                    String part = "PUT part " + query.substring("partNumber=".length(), query.indexOf('&'));
                    if (query.startsWith("partNumber=1&")) {
                        byte[] xml = "<Error><Code>InternalError</Code><Message>disk on fire</Message></Error>"
                                .getBytes(StandardCharsets.UTF_8);
                        calls.add(part);
                        exchange.sendResponseHeaders(500, xml.length);
                        exchange.getResponseBody().write(xml);
                    } else {
                        Thread.sleep(500);
                        calls.add(part);
                        exchange.getResponseHeaders().add("ETag", "\"etag\"");
                        exchange.sendResponseHeaders(200, -1);
                    }
                }
                default -> {
                    calls.add(call);
                    exchange.sendResponseHeaders(400, -1);
                }
            }
        }); S3Storage storage = S3Storage.open(config(server.endpoint()).maxAttempts(2).multipartThreshold(1024)
                .partSize(S3StorageConfig.MIN_PART_SIZE).maxParallelParts(2).build())) {
            SeededBytes content = new SeededBytes(1, 3L * S3StorageConfig.MIN_PART_SIZE + 1);
            BackendException e = assertThrows(BackendException.class,
                    () -> storage.put(StorageKey.of("big"), content.stream(), Storage.UNKNOWN_LENGTH));
            assertTrue(e.isTransient() && e.getMessage().contains("500"), e.getMessage());
            assertEquals("DELETE uploadId", calls.get(calls.size() - 1), "the upload is aborted last: " + calls);
            assertTrue(calls.contains("PUT part 2"), "part 2 was in flight: " + calls);
            assertFalse(calls.contains("POST uploadId"), "never completed: " + calls);
        }
    }

    @Test
    void aDownloadCutShortThrowsInsteadOfEndingQuietly() throws IOException {
        try (FaultyServer server = new FaultyServer(exchange -> {
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, 100_000);
            OutputStream body = exchange.getResponseBody();
            body.write(new byte[10_000]);
            body.flush();
            // Then the connection drops: the exchange closes 90,000 bytes short.
        }); S3Storage storage = S3Storage.open(config(server.endpoint()).maxAttempts(1).build())) {
            InputStream in = storage.open(StorageKey.of("chunks/cut.zst"));
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            in.close();
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), String.valueOf(e));
        }
    }
}
