package dev.attic.examples.client;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A live progress bar per path on a terminal (me.tongfei:progressbar), with its MiB/s. */
final class ProgressBars implements PushProgress {
    private final PrintStream terminal;

    ProgressBars(PrintStream terminal) {
        this.terminal = terminal;
    }

    @Override
    public PathProgress start(PathInfo path) {
        String name = path.name().length() > 24 ? path.name().substring(0, 23) + "~" : path.name();
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(String.format("%-24s", name))
                .setInitialMax(Math.max(1, path.narSize()))
                .setUnit(" MiB", 1024 * 1024)
                .showSpeed()
                .hideEta()
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUpdateIntervalMillis(200)
                .setConsumer(new InteractiveConsoleProgressBarConsumer(terminal))
                .build();
        return new PathProgress() {
            @Override
            public void advance(long bytes) {
                bar.stepBy(bytes);
            }

            @Override
            public void retrying(int attempt, int maxAttempts, Duration delay, String reason) {
                bar.reset();
                bar.setExtraMessage(String.format(" retry %d/%d in %.0f s: %s", attempt + 1, maxAttempts,
                        Math.ceil(delay.toMillis() / 1000.0), reason));
            }

            @Override
            public void done(UploadResult result, Duration elapsed) {
                bar.stepTo(bar.getMax());
                bar.setExtraMessage(" " + PushProgress.dedupNote(result));
                bar.close();
            }

            @Override
            public void failed(String message) {
                bar.setExtraMessage(" failed: " + message);
                bar.close();
            }
        };
    }

    @Override
    public void message(String line) {
        synchronized (terminal) {
            terminal.println(line);
            terminal.flush();
        }
    }

    @Override
    public void close() {
        terminal.flush();
    }
}
