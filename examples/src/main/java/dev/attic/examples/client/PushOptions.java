package dev.attic.examples.client;

import picocli.CommandLine.Option;

/** The options {@code push} and {@code watch-store} share. */
final class PushOptions {
    @Option(names = {"-j", "--jobs"}, defaultValue = "5", description = "Upload this many paths at once (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--no-closure", description = "Push only the paths given, not what they reference.")
    boolean noClosure;

    @Option(names = "--ignore-upstream-cache-filter",
            description = "Push paths signed by the cache's upstream keys too (e.g. from cache.nixos.org).")
    boolean ignoreUpstream;

    @Option(names = "--no-progress", description = "One line per path instead of progress bars.")
    boolean noProgress;

    @Option(names = "--retries", defaultValue = "4",
            description = "Try a path again this many times after a transient failure (default: ${DEFAULT-VALUE}).")
    int retries;
}
