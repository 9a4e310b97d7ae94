package dev.attic.examples.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Notices new valid store paths by polling: it lists the store directory every {@code interval},
 * and a name that was not there before is handed on once {@code nix-store --check-validity} says
 * the path is valid (a path being built exists before it is registered; it waits, re-checked at each
 * poll, until it is valid or gone). Polling needs no inotify limits, works on any file system and
 * misses nothing that a full listing shows. Lock files, {@code .drv} files and Nix's own
 * directories are ignored.
 */
final class StoreWatcher {
    private final NixStore store;
    private final Path storeDir;
    private final Duration interval;
    private Set<String> seen = new HashSet<>();
    private final Set<String> pending = new HashSet<>();

    StoreWatcher(NixStore store, Path storeDir, Duration interval) {
        this.store = store;
        this.storeDir = storeDir;
        this.interval = interval;
    }

    /** Takes the current listing as already known: only paths that appear after this are reported. */
    void start() {
        seen = list();
    }

    /** Polls until interrupted, handing each new valid path to {@code onValid}. */
    void watch(Consumer<String> onValid) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            poll(onValid);
            Thread.sleep(interval.toMillis());
        }
        throw new InterruptedException();
    }

    /** One round: lists the directory, checks the new and pending names, reports those that are valid. */
    void poll(Consumer<String> onValid) {
        Set<String> now = list();
        for (String name : now) {
            if (!seen.contains(name) && isStorePathName(name)) {
                pending.add(name);
            }
        }
        pending.retainAll(now);
        seen = now;
        if (pending.isEmpty()) {
            return;
        }
        List<String> candidates = new ArrayList<>();
        for (String name : pending) {
            candidates.add(storeDir.resolve(name).toString());
        }
        for (int from = 0; from < candidates.size(); from += 500) {
            for (String valid : store.valid(candidates.subList(from, Math.min(candidates.size(), from + 500)))) {
                pending.remove(Path.of(valid).getFileName().toString());
                onValid.accept(valid);
            }
        }
    }

    static boolean isStorePathName(String name) {
        return name.length() > 33 && name.charAt(32) == '-' && !name.endsWith(".lock") && !name.endsWith(".drv")
                && !name.endsWith(".chroot") && !name.endsWith(".check") && name.substring(0, 32).chars().allMatch(
                        c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z' && c != 'e' && c != 'o' && c != 'u' && c != 't'));
    }

    private Set<String> list() {
        try (Stream<Path> entries = Files.list(storeDir)) {
            Set<String> names = new HashSet<>();
            entries.forEach(p -> names.add(p.getFileName().toString()));
            return names;
        } catch (IOException e) {
            throw new ClientException("cannot list " + storeDir + ": " + e.getMessage(), e);
        }
    }
}
