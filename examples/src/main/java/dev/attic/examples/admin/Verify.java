package dev.attic.examples.admin;

import dev.attic.examples.server.Backends;
import dev.attic.metadata.ChunkRecord;
import dev.attic.metadata.ChunkState;
import dev.attic.metadata.ChunkUse;
import dev.attic.metadata.MetadataStore;
import dev.attic.storage.StorageKey;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code atticadm verify}: re-hashes every valid chunk through the storage and reports the bad
 * ones with the store paths they break. With {@code --delete}, a bad chunk is marked corrupt (so
 * no NAR that uses it is served, and an upload of the same chunk replaces it) and its file deleted.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Re-reads every valid chunk file, decompresses and re-hashes it, and reports damaged or missing ones"
                + " with the store paths they break. Exit status 0: all sound; 1: bad chunks found (or an error).",
                "With --delete, each bad chunk is marked corrupt and its file deleted: its NARs stop being served"
                        + " until a push of any of them uploads the chunk again."})
final class Verify implements Callable<Integer> {
    private static final int PAGE = 500;
    private static final int USES_SHOWN = 20;

    @ParentCommand
    Atticadm parent;

    @Mixin
    ConfigOptions config;

    @Option(names = "--delete", description = "Mark bad chunks corrupt and delete their files.")
    boolean delete;

    @Override
    public Integer call() {
        return parent.guard(() -> {
            try (Backends backends = Backends.open(config.load(parent.env()))) {
                return verify(backends, parent.out());
            }
        });
    }

    private int verify(Backends backends, PrintStream out) {
        MetadataStore metadata = backends.metadata();
        ChunkCheck check = new ChunkCheck(backends.storage());
        long checked = 0;
        long bad = 0;
        long after = 0;
        for (List<ChunkRecord> page = metadata.listChunks(after, PAGE); !page.isEmpty(); page = metadata.listChunks(after, PAGE)) {
            for (ChunkRecord chunk : page) {
                if (chunk.state() != ChunkState.VALID) {
                    continue;
                }
                checked++;
                Optional<String> problem = check.problem(chunk);
                if (problem.isEmpty()) {
                    continue;
                }
                bad++;
                out.println("bad chunk " + chunk.id() + " (" + chunk.chunkHash() + "): " + problem.get());
                List<ChunkUse> uses = metadata.chunkUses(chunk.id(), USES_SHOWN + 1);
                for (ChunkUse use : uses.subList(0, Math.min(uses.size(), USES_SHOWN))) {
                    out.println("  breaks " + use.cacheName() + ": " + use.storePath() + " (NAR " + use.narHash() + ")");
                }
                if (uses.size() > USES_SHOWN) {
                    out.println("  and more");
                }
                if (delete) {
                    metadata.markChunkCorrupt(chunk.id());
                    backends.storage().delete(StorageKey.of(chunk.storageKey()));
                    out.println("  marked corrupt and deleted; pushing any of these paths again heals them");
                }
            }
            after = page.get(page.size() - 1).id();
        }
        out.println("checked " + checked + " chunks: " + (bad == 0 ? "all sound" : bad + " bad" + (delete ? " (marked corrupt, files deleted)" : "")));
        return bad == 0 ? 0 : 1;
    }
}
