package dev.attic.examples.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code attic watch-store CACHE}: pushes every store path that becomes valid from now on (with its
 * closure, in batches) until interrupted; then it pushes what is queued and prints the summary.
 */
@Command(name = "watch-store", description = "Push new store paths as they appear, until interrupted (Ctrl-C).")
final class WatchStoreCommand implements Callable<Integer> {
    @ParentCommand
    Attic attic;

    @Parameters(paramLabel = "CACHE", description = "CACHE or SERVER:CACHE.")
    String cache;

    @Option(names = "--store-dir", description = "The store to watch (default: $NIX_STORE_DIR, else /nix/store).")
    Path storeDir;

    @Option(names = "--poll-interval", defaultValue = "1000", paramLabel = "MILLIS",
            description = "How often to look for new paths, in milliseconds (default: ${DEFAULT-VALUE}).")
    long pollMillis;

    @Mixin
    PushOptions options;

    @Override
    public Integer call() throws InterruptedException {
        try (PushRun run = new PushRun(attic, cache, options)) {
            Path dir = storeDir != null ? storeDir : run.storeDir;
            StoreWatcher watcher = new StoreWatcher(run.store, dir, Duration.ofMillis(Math.max(100, pollMillis)));
            watcher.start();
            PushSession session = run.session();
            ExecutorService worker = Executors.newSingleThreadExecutor(Attic.daemonThreads("attic-session"));
            try {
                Future<?> pushing = worker.submit(() -> {
                    session.run();
                    return null;
                });
                run.progress.message("Watching " + dir + " for new paths to push to " + run.target.describe() + " (Ctrl-C to stop)...");
                try {
                    watcher.watch(path -> {
                        try {
                            session.submit(path);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                } catch (InterruptedException stop) {
                    // asked to stop: push what is queued, then summarize
                }
                Thread.interrupted();
                session.finish();
                try {
                    pushing.get(10, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new ClientException("the push session failed: " + e.getCause(), e.getCause());
                } catch (TimeoutException e) {
                    throw new ClientException("the last batch did not finish in 10 minutes");
                }
            } finally {
                worker.shutdownNow();
            }
            run.summary.print(attic.out, attic.err);
            return run.summary.failed() ? Attic.FAILED : Attic.OK;
        }
    }
}
