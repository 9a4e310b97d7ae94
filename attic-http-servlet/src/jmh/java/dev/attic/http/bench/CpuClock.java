package dev.attic.http.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of this JVM and of its waited-for child processes (Linux {@code /proc/self/stat}). */
final class CpuClock {
    private static final double TICK_NANOS = 1e9 / 100; // CLK_TCK is 100 on Linux x86_64

    private CpuClock() {}

    /** CPU time of every thread of this JVM (ours, GC, JIT, SQLite's), in nanoseconds. */
    static long process() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** System (kernel) CPU time of this JVM, in nanoseconds (10 ms resolution): file creation, fsync, renames. */
    static long processSystem() {
        return field(12);
    }

    /** CPU time of each live thread of this JVM, by thread id, in nanoseconds. */
    static java.util.Map<Long, Long> threads() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        java.util.Map<Long, Long> times = new java.util.HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t >= 0) {
                times.put(id, t);
            }
        }
        return times;
    }

    /** CPU seconds used between two {@link #threads()} snapshots, by thread name with digits folded ("attic-worker-N"). */
    static String byThreadGroup(java.util.Map<Long, Long> before, java.util.Map<Long, Long> after) {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Double> groups = new java.util.TreeMap<>();
        for (var e : after.entrySet()) {
            java.lang.management.ThreadInfo info = mx.getThreadInfo(e.getKey());
            String name = info == null ? "ended" : info.getThreadName().replaceAll("[0-9]+", "N");
            double seconds = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e9;
            if (seconds >= 0.01) {
                groups.merge(name, seconds, Double::sum);
            }
        }
        StringBuilder out = new StringBuilder();
        groups.entrySet().stream().sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(g -> out.append(String.format("%s %.2f s, ", g.getKey(), g.getValue())));
        return out.length() > 2 ? out.substring(0, out.length() - 2) : "";
    }

    /** User + system CPU time of the children this JVM has waited for, in nanoseconds (10 ms resolution). */
    static long children() {
        // after the command name, field 3 (state) is index 0: cutime (16) and cstime (17) are 13 and 14
        return field(13) + field(14);
    }

    private static long field(int index) {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (long) (Long.parseLong(f[index]) * TICK_NANOS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
