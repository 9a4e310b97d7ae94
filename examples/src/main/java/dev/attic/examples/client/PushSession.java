package dev.attic.examples.client;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Pushes store paths that arrive one by one ({@code push --stdin}, {@code watch-store}) in batches,
 * so that closures and {@code get-missing-paths} are computed once per batch rather than once per
 * path: a batch closes when no path has come for {@code idle}, when it is {@code maxAge} old, or when
 * it holds {@code maxPaths} roots. Paths pushed (or found present) earlier in the session are not
 * asked about again.
 */
final class PushSession {
    private static final String END = "";

    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>(100_000);
    private final Set<String> known = new HashSet<>();
    private final Batching batching;
    private final Planner planner;
    private final Pusher pusher;
    private final PushProgress progress;
    private final PushSummary summary;
    private volatile boolean stopped;

    /** Computes the plan of a batch of roots, leaving out {@code known} hashes. */
    interface Planner {
        PushPlan plan(Set<String> roots, Set<String> known);
    }

    record Batching(Duration idle, Duration maxAge, int maxPaths) {
        static Batching defaults() {
            return new Batching(Duration.ofSeconds(2), Duration.ofSeconds(10), 1000);
        }
    }

    PushSession(Batching batching, Planner planner, Pusher pusher, PushProgress progress, PushSummary summary) {
        this.batching = batching;
        this.planner = planner;
        this.pusher = pusher;
        this.progress = progress;
        this.summary = summary;
    }

    /** Queues a path (waits while 100,000 are queued already, unless the session has stopped). */
    void submit(String path) throws InterruptedException {
        if (!path.isBlank()) {
            put(path.strip());
        }
    }

    /** Says no more paths will come: {@link #run} pushes what is queued and returns. */
    void finish() throws InterruptedException {
        put(END);
    }

    private void put(String item) throws InterruptedException {
        while (!queue.offer(item, 1, TimeUnit.SECONDS)) {
            if (stopped) {
                throw new ClientException("the push session has stopped; cannot queue more paths");
            }
        }
    }

    /** Batches and pushes until {@link #finish} (or an interrupt). */
    void run() throws InterruptedException {
        try {
            batches();
        } finally {
            stopped = true;
        }
    }

    private void batches() throws InterruptedException {
        boolean ended = false;
        while (!ended) {
            String first = queue.take();
            if (first.equals(END)) {
                return;
            }
            Set<String> roots = new LinkedHashSet<>(List.of(first));
            long deadline = System.nanoTime() + batching.maxAge().toNanos();
            while (roots.size() < batching.maxPaths()) {
                long wait = Math.min(batching.idle().toNanos(), deadline - System.nanoTime());
                String next = wait <= 0 ? null : queue.poll(wait, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
                if (next.equals(END)) {
                    ended = true;
                    break;
                }
                roots.add(next);
            }
            pushBatch(roots);
        }
    }

    private void pushBatch(Set<String> roots) throws InterruptedException {
        PushPlan plan;
        try {
            plan = planner.plan(roots, known);
        } catch (ClientException | ServerError e) {
            // a root that vanished or a server hiccup: tell, and carry on with the next batch
            progress.message("cannot push " + roots.size() + " new " + (roots.size() == 1 ? "path" : "paths") + ": " + e.getMessage());
            roots.forEach(root -> summary.addRejected(root, e.getMessage()));
            return;
        }
        summary.add(plan);
        known.addAll(plan.settled());
        if (!plan.toPush().isEmpty()) {
            progress.message(String.format("Pushing %d %s (%s) of %d new %s...", plan.toPush().size(),
                    plan.toPush().size() == 1 ? "path" : "paths", PushProgress.size(plan.bytes()), roots.size(),
                    roots.size() == 1 ? "root" : "roots"));
        }
        long started = System.nanoTime();
        List<PathResult> results = pusher.push(plan);
        summary.add(results, Duration.ofNanos(System.nanoTime() - started));
        for (PathResult r : results) {
            if (r.succeeded()) {
                known.add(r.path().hashPart());
            }
        }
    }
}
