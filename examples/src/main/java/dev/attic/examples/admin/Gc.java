package dev.attic.examples.admin;

import dev.attic.engine.Attic;
import dev.attic.engine.GcReport;
import dev.attic.examples.server.Backends;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code atticadm gc}: one garbage collection now, on the server's backends. */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = "Runs one garbage collection on the server's database and storage, and prints what it did.")
final class Gc implements Callable<Integer> {
    @ParentCommand
    Atticadm parent;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
        return parent.guard(() -> {
            try (Backends backends = Backends.open(config.load(parent.env())); Attic engine = backends.engine()) {
                GcReport r = engine.collectGarbage();
                parent.out().printf("expired objects: %d%nNARs deleted: %d%nchunks deleted: %d%nchunk deletes failed: %d%n"
                        + "staged files deleted: %d%n", r.objectsExpired(), r.narsDeleted(), r.chunksDeleted(),
                        r.chunkDeletesFailed(), r.stagedFilesDeleted());
                return r.chunkDeletesFailed() == 0 ? 0 : 1;
            }
        });
    }
}
