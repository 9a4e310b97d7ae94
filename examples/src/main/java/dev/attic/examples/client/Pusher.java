package dev.attic.examples.client;

import dev.attic.AtticException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Uploads the paths of a plan, {@code jobs} at a time, each NAR streamed from {@code nix-store --dump}
 * into the request body; a transient failure (no connection, 5xx, {@code StaleUpload}) is tried again
 * after a {@link Backoff}, anything else fails the path at once with the server's message.
 */
final class Pusher {
    private final ApiClient api;
    private final NixStore store;
    private final String cache;
    private final ExecutorService uploads;
    private final Backoff backoff;
    private final PushProgress progress;

    Pusher(ApiClient api, NixStore store, String cache, ExecutorService uploads, Backoff backoff, PushProgress progress) {
        this.api = api;
        this.store = store;
        this.cache = cache;
        this.uploads = uploads;
        this.backoff = backoff;
        this.progress = progress;
    }

    /** Uploads every path of {@code plan}; returns when all are done, one result per path. */
    List<PathResult> push(PushPlan plan) throws InterruptedException {
        List<Future<PathResult>> futures = new ArrayList<>();
        for (PathInfo path : plan.toPush()) {
            futures.add(uploads.submit(() -> upload(path)));
        }
        List<PathResult> results = new ArrayList<>();
        try {
            for (Future<PathResult> future : futures) {
                results.add(future.get());
            }
        } catch (ExecutionException e) {
            throw new ClientException("an upload failed unexpectedly: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
        return results;
    }

    private PathResult upload(PathInfo path) throws InterruptedException {
        PushProgress.PathProgress shown = progress.start(path);
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            AtomicReference<NixStore.Dump> dump = new AtomicReference<>();
            try {
                UploadResult result = api.uploadPath(narInfo(path), path.narSize(), () -> {
                    NixStore.Dump d = store.dump(path.path());
                    NixStore.Dump previous = dump.getAndSet(d);
                    if (previous != null) {
                        previous.close();
                    }
                    return new Counting(d.stream(), shown);
                });
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                shown.done(result, elapsed);
                return new PathResult(path, Optional.of(result), Optional.empty(), elapsed, attempt);
            } catch (ServerError e) {
                Optional<String> dumpFailure = Optional.ofNullable(dump.get()).flatMap(NixStore.Dump::failure);
                if (dumpFailure.isPresent()) {
                    return failed(path, shown, dumpFailure.get(), started, attempt);
                }
                String reason = e.status() == 0 ? e.getMessage() : e.status() + " " + e.error() + ": " + e.getMessage();
                if (!e.isTransient() || attempt >= backoff.maxAttempts()) {
                    return failed(path, shown, reason + (attempt > 1 ? " (after " + attempt + " attempts)" : ""), started, attempt);
                }
                Duration delay = backoff.delay(attempt, e.retryAfter());
                shown.retrying(attempt, backoff.maxAttempts(), delay, reason);
                Thread.sleep(delay.toMillis());
            } catch (AtticException e) {
                // a local failure (nix-store, a temporary file): not something a retry fixes
                return failed(path, shown, e.getMessage(), started, attempt);
            } finally {
                NixStore.Dump d = dump.get();
                if (d != null) {
                    d.close();
                }
            }
        }
    }

    private static PathResult failed(PathInfo path, PushProgress.PathProgress shown, String reason, long started, int attempts) {
        shown.failed(reason);
        return new PathResult(path, Optional.empty(), Optional.of(reason), Duration.ofNanos(System.nanoTime() - started), attempts);
    }

    /** Upstream's UploadPathNarInfo: references and deriver as base names, as the server keeps them. */
    private Map<String, Object> narInfo(PathInfo path) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("cache", cache);
        info.put("store_path_hash", path.hashPart());
        info.put("store_path", path.path());
        info.put("references", path.references().stream().map(PathInfo::baseName).toList());
        info.put("system", null);
        info.put("deriver", path.deriver().map(PathInfo::baseName).orElse(null));
        info.put("sigs", path.signatures());
        info.put("ca", path.ca().orElse(null));
        info.put("nar_hash", path.narHash());
        info.put("nar_size", path.narSize());
        return info;
    }

    /** Counts the NAR bytes as the HTTP client reads them, for the progress bar. */
    private static final class Counting extends FilterInputStream {
        private final PushProgress.PathProgress progress;

        Counting(InputStream in, PushProgress.PathProgress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                progress.advance(n);
            }
            return n;
        }
    }
}
