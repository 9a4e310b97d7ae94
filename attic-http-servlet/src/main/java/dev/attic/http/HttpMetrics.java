package dev.attic.http;

import dev.attic.engine.UploadResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the servlet counts: requests by route, method and status; bytes in and out; upload and
 * download durations; bytes uploaded, newly stored and deduplicated, and the deduplicated share per
 * upload. Tags are route kinds and status codes only, never user-chosen strings.
 */
final class HttpMetrics {
    private final MeterRegistry registry;
    private final Counter bytesReceived;
    private final Counter bytesSent;
    private final Timer uploadDuration;
    private final Timer downloadDuration;
    private final Counter narBytesUploaded;
    private final Counter storedBytes;
    private final Counter dedupedBytes;
    private final DistributionSummary dedupRatio;
    private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.bytesReceived = Counter.builder("attic.http.received.bytes").baseUnit("bytes")
                .description("request body bytes read").register(registry);
        this.bytesSent = Counter.builder("attic.http.sent.bytes").baseUnit("bytes")
                .description("NAR bytes sent").register(registry);
        this.uploadDuration = Timer.builder("attic.upload.duration").description("time to upload one store path").register(registry);
        this.downloadDuration = Timer.builder("attic.download.duration").description("time to send one NAR").register(registry);
        this.narBytesUploaded = Counter.builder("attic.upload.nar.bytes").baseUnit("bytes")
                .description("uncompressed NAR bytes of uploaded store paths").register(registry);
        this.storedBytes = Counter.builder("attic.upload.stored.bytes").baseUnit("bytes")
                .description("bytes newly written to storage (compressed)").register(registry);
        this.dedupedBytes = Counter.builder("attic.upload.deduplicated.bytes").baseUnit("bytes")
                .description("NAR bytes that were already stored").register(registry);
        this.dedupRatio = DistributionSummary.builder("attic.upload.deduplicated.ratio")
                .description("share of each uploaded NAR that was already stored").register(registry);
    }

    MeterRegistry registry() {
        return registry;
    }

    void request(Route route, String method, int status, long nanos) {
        String m = method.length() <= 8 ? method : "other";
        // the registry would find the timer too, but only after building and sorting its tags
        requestTimers.computeIfAbsent(new RequestKey(route.label(), m, status), k -> Timer.builder("attic.http.requests")
                        .tag("route", k.route())
                        .tag("method", k.method())
                        .tag("status", Integer.toString(k.status()))
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The tags of one request timer; few (route kinds x methods x statuses). */
    private record RequestKey(String route, String method, int status) {}

    void received(long bytes) {
        bytesReceived.increment(bytes);
    }

    void sent(long bytes) {
        bytesSent.increment(bytes);
    }

    void upload(UploadResult result, long narSize, long nanos) {
        uploadDuration.record(nanos, TimeUnit.NANOSECONDS);
        narBytesUploaded.increment(narSize);
        storedBytes.increment(result.fileSize());
        dedupedBytes.increment(result.fractionDeduplicated() * narSize);
        dedupRatio.record(result.fractionDeduplicated());
    }

    void download(long nanos) {
        downloadDuration.record(nanos, TimeUnit.NANOSECONDS);
    }
}
