package dev.attic.examples.admin;

import dev.attic.examples.Chunks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code atticadm chunks}: the chunk viewer ({@link Chunks}), its arguments passed through as they are. */
@Command(name = "chunks", description = {"Shows how Attic chunks a file: chunks FILE | chunks OLD NEW, with --min/--avg/--max.",
        "Run \"atticadm chunks --help\" for the details."})
final class ChunksCommand implements Callable<Integer> {
    @ParentCommand
    Atticadm parent;

    @Parameters(arity = "0..*", paramLabel = "ARGS")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return Chunks.run(args.toArray(String[]::new), parent.out(), parent.err());
    }
}
