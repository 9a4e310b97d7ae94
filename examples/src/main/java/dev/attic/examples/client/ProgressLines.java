package dev.attic.examples.client;

import java.io.PrintStream;
import java.time.Duration;

/** Plain output for logs and pipes: one line when a path is done, fails or is retried. */
final class ProgressLines implements PushProgress {
    private final PrintStream out;

    ProgressLines(PrintStream out) {
        this.out = out;
    }

    @Override
    public PathProgress start(PathInfo path) {
        return new PathProgress() {
            @Override
            public void advance(long bytes) {}

            @Override
            public void retrying(int attempt, int maxAttempts, Duration delay, String reason) {
                line(String.format("  ~ %s: %s; attempt %d of %d in %.1f s", path.path(), reason, attempt + 1, maxAttempts,
                        delay.toMillis() / 1000.0));
            }

            @Override
            public void done(UploadResult result, Duration elapsed) {
                line(String.format("  + %s (%s) in %.2f s, %s, %s", path.path(), PushProgress.size(path.narSize()),
                        elapsed.toMillis() / 1000.0, PushProgress.rate(path.narSize(), elapsed),
                        PushProgress.dedupNote(result)));
            }

            @Override
            public void failed(String message) {
                line("  ! " + path.path() + ": " + message);
            }
        };
    }

    @Override
    public void message(String line) {
        line(line);
    }

    private void line(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    @Override
    public void close() {
        out.flush();
    }
}
