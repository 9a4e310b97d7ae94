package dev.attic.examples.client;

import java.time.Duration;

/**
 * How a push shows itself: a progress bar per path on a terminal ({@link ProgressBars}), a line per
 * path otherwise ({@link ProgressLines}). Both are used from several upload threads at once.
 */
interface PushProgress extends AutoCloseable {
    /** A path starts uploading. */
    PathProgress start(PathInfo path);

    /** A line of its own (a plan, a batch), printed without breaking the bars. */
    void message(String line);

    @Override
    void close();

    /** One path's upload. */
    interface PathProgress {
        void advance(long bytes);

        /** The attempt failed transiently; the next one starts after {@code delay}. */
        void retrying(int attempt, int maxAttempts, Duration delay, String reason);

        void done(UploadResult result, Duration elapsed);

        void failed(String message);
    }

    /** The rate, in MiB/s for real transfers and in smaller units for tiny paths (where "0.0 MiB/s" says nothing). */
    static String rate(long bytes, Duration elapsed) {
        double seconds = Math.max(elapsed.toNanos(), 1_000_000) / 1e9;
        double perSecond = bytes / seconds;
        if (perSecond >= 100 * 1024) {
            return String.format("%.1f MiB/s", perSecond / (1024 * 1024));
        }
        return size((long) perSecond) + "/s";
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format("%.1f %s", value, units[unit]);
    }

    /** What to say of an upload's deduplication: a share when the server reports one. */
    static String dedupNote(UploadResult result) {
        if (result.figuresReported()) {
            return percent(result.fracDeduplicated()) + " deduplicated";
        }
        return result.deduplicated() ? "already in the cache" : "stored";
    }

    static String percent(double fraction) {
        return String.format("%.0f%%", fraction * 100);
    }
}
