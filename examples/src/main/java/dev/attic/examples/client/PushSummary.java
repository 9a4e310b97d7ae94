package dev.attic.examples.client;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The tally of a push (of one or many batches), and the lines that end it. */
final class PushSummary {
    private Duration uploading = Duration.ZERO;
    private int uploaded;
    private int deduplicated;
    private int alreadyCached;
    private int upstream;
    private long narBytes;
    private double deduplicatedBytes;
    private boolean figuresReported = true;
    private long storedBytes;
    private final List<PathResult> failures = new ArrayList<>();

    synchronized void add(PushPlan plan) {
        alreadyCached += plan.alreadyCached();
        upstream += plan.upstream();
    }

    /** The results of one batch of uploads, which took {@code wall} from the first start to the last end. */
    synchronized void add(List<PathResult> results, Duration wall) {
        uploading = uploading.plus(wall);
        for (PathResult r : results) {
            if (r.result().isEmpty()) {
                failures.add(r);
                continue;
            }
            UploadResult result = r.result().get();
            if (result.deduplicated()) {
                deduplicated++;
            } else {
                uploaded++;
            }
            narBytes += r.path().narSize();
            figuresReported &= result.figuresReported();
            deduplicatedBytes += r.path().narSize() * result.fracDeduplicated();
            storedBytes += result.fileSize();
        }
    }

    /** A root that could not even be planned (not in the store, ...). */
    synchronized void addRejected(String root, String reason) {
        failures.add(new PathResult(new PathInfo(root, "unknown", 0, List.of(), Optional.empty(), List.of(), Optional.empty()),
                Optional.empty(), Optional.of(reason), Duration.ZERO, 0));
    }

    synchronized boolean failed() {
        return !failures.isEmpty();
    }

    synchronized int pushed() {
        return uploaded + deduplicated;
    }

    synchronized void print(PrintStream out, PrintStream err) {
        Duration elapsed = uploading;
        StringBuilder line = new StringBuilder();
        if (pushed() == 0 && failures.isEmpty()) {
            line.append("Nothing to push");
        } else {
            line.append(String.format("Pushed %d %s (%s) in %.1f s, %s, %s", pushed(), paths(pushed()),
                    PushProgress.size(narBytes), elapsed.toMillis() / 1000.0, PushProgress.rate(narBytes, elapsed),
                    figuresReported
                            ? PushProgress.percent(narBytes == 0 ? 0 : deduplicatedBytes / narBytes) + " deduplicated"
                            : "deduplication across caches not reported by this server"));
            if (deduplicated > 0) {
                line.append(String.format("; %d %s already on the server in full", deduplicated, paths(deduplicated)));
            }
        }
        List<String> skipped = new ArrayList<>();
        if (alreadyCached > 0) {
            skipped.add(alreadyCached + " already cached");
        }
        if (upstream > 0) {
            skipped.add(upstream + " signed by an upstream cache");
        }
        if (!skipped.isEmpty()) {
            line.append(" (skipped ").append(String.join(", ", skipped)).append(")");
        }
        out.println(line.append('.'));
        out.flush();
        if (!failures.isEmpty()) {
            err.println(failures.size() + " " + paths(failures.size()) + " failed:");
            for (PathResult f : failures) {
                err.println("  " + f.path().path() + ": " + f.failure().orElse("unknown"));
            }
            err.flush();
        }
    }

    private static String paths(int n) {
        return n == 1 ? "path" : "paths";
    }
}
