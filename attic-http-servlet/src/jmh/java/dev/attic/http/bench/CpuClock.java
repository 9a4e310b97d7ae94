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

    /** User + system CPU time of the children this JVM has waited for, in nanoseconds (10 ms resolution). */
    static long children() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command name: state(3) ... cutime is field 16, cstime 17 (1-based): index 13, 14 here
            return (long) ((Long.parseLong(f[13]) + Long.parseLong(f[14])) * TICK_NANOS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
