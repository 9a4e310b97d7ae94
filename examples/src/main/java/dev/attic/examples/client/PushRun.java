package dev.attic.examples.client;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** What one {@code push} or {@code watch-store} run sets up: the cache, its upload pool, the output. */
final class PushRun implements AutoCloseable {
    final Attic.Target target;
    final CacheConfig config;
    final NixStore store = new NixStore();
    final PushProgress progress;
    final PushSummary summary = new PushSummary();
    final Pusher pusher;
    /** The local store directory: {@code $NIX_STORE_DIR}, else {@code /nix/store}. */
    final Path storeDir;
    private final PushOptions options;
    private final ExecutorService uploads;

    PushRun(Attic attic, String cache, PushOptions options) {
        if (options.jobs < 1 || options.jobs > 64) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "--jobs must be between 1 and 64, not " + options.jobs);
        }
        if (options.retries < 0 || options.retries > 20) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "--retries must be between 0 and 20, not " + options.retries);
        }
        this.options = options;
        this.storeDir = Path.of(attic.env.getOrDefault("NIX_STORE_DIR", "/nix/store"));
        this.target = attic.target(cache);
        this.config = target.api().cacheConfig(target.cache());
        this.progress = attic.terminal && !options.noProgress ? new ProgressBars(attic.err) : new ProgressLines(attic.out);
        this.uploads = Executors.newFixedThreadPool(options.jobs, Attic.daemonThreads("attic-upload"));
        this.pusher = new Pusher(target.api(), store, target.cache(), uploads, backoff(attic, options.retries), progress);
    }

    /** The backoff; {@code ATTIC_RETRY_BASE_MS} shortens it (for tests). */
    private static Backoff backoff(Attic attic, int retries) {
        long base = 1000;
        String configured = attic.env.get("ATTIC_RETRY_BASE_MS");
        if (configured != null && configured.matches("\\d{1,6}")) {
            base = Long.parseLong(configured);
        }
        return new Backoff(retries + 1, Duration.ofMillis(base), Duration.ofMillis(Math.max(base, 30_000)));
    }

    PushPlan plan(Set<String> roots, Set<String> known) {
        return PushPlan.make(store, target.api(), target.cache(), config, roots, !options.noClosure, options.ignoreUpstream, known);
    }

    PushSession session() {
        return new PushSession(PushSession.Batching.defaults(), this::plan, pusher, progress, summary);
    }

    @Override
    public void close() {
        uploads.shutdownNow();
        progress.close();
    }
}
