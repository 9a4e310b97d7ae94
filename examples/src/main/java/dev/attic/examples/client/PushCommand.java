package dev.attic.examples.client;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code attic push CACHE PATH...}: pushes the closure of the paths, less what the cache has and what
 * its upstream caches sign; with {@code --stdin}, the paths come one per line and are pushed in batches.
 */
@Command(name = "push", description = "Push store paths and their closures to a cache.")
final class PushCommand implements Callable<Integer> {
    @ParentCommand
    Attic attic;

    @Parameters(index = "0", paramLabel = "CACHE", description = "CACHE or SERVER:CACHE.")
    String cache;

    @Parameters(index = "1..*", paramLabel = "PATH", arity = "0..*", description = "Store paths (or links to them, e.g. ./result).")
    List<String> paths = List.of();

    @Option(names = "--stdin", description = "Read the paths from standard input, one per line, and push them in batches.")
    boolean stdin;

    @Mixin
    PushOptions options;

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (paths.isEmpty() && !stdin) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "no paths to push: give store paths, or --stdin to read them");
        }
        if (!paths.isEmpty() && stdin) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "give paths or --stdin, not both");
        }
        try (PushRun run = new PushRun(attic, cache, options)) {
            if (stdin) {
                pushFromStdin(run);
            } else {
                pushPaths(run);
            }
            run.summary.print(attic.out, attic.err);
            return run.summary.failed() ? Attic.FAILED : Attic.OK;
        }
    }

    private void pushPaths(PushRun run) throws InterruptedException {
        Set<String> roots = new LinkedHashSet<>();
        for (String path : paths) {
            roots.add(StoreRoot.resolve(path, run.storeDir));
        }
        PushPlan plan = run.plan(roots, Set.of());
        run.summary.add(plan);
        if (plan.toPush().isEmpty()) {
            return;
        }
        List<String> skipped = new ArrayList<>();
        if (plan.alreadyCached() > 0) {
            skipped.add(plan.alreadyCached() + " already cached");
        }
        if (plan.upstream() > 0) {
            skipped.add(plan.upstream() + " signed by an upstream cache");
        }
        run.progress.message(String.format("Pushing %d %s (%s) to %s%s...", plan.toPush().size(),
                plan.toPush().size() == 1 ? "path" : "paths", PushProgress.size(plan.bytes()), run.target.describe(),
                skipped.isEmpty() ? "" : " (" + String.join(", ", skipped) + ")"));
        long started = System.nanoTime();
        List<PathResult> results = run.pusher.push(plan);
        run.summary.add(results, Duration.ofNanos(System.nanoTime() - started));
    }

    private void pushFromStdin(PushRun run) throws InterruptedException, IOException {
        PushSession session = run.session();
        ExecutorService worker = Executors.newSingleThreadExecutor(Attic.daemonThreads("attic-session"));
        try {
            Future<?> pushing = worker.submit(() -> {
                session.run();
                return null;
            });
            BufferedReader lines = new BufferedReader(new InputStreamReader(attic.in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    session.submit(StoreRoot.resolve(line, run.storeDir));
                } catch (BadInputException e) {
                    // one bad line does not stop the others; it counts as a failure at the end
                    run.progress.message("skipping: " + e.getMessage());
                    run.summary.addRejected(line.strip(), e.getMessage());
                }
            }
            session.finish();
            pushing.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ClientException("the push session failed: " + e.getCause(), e.getCause());
        } finally {
            worker.shutdownNow();
        }
    }
}
