package dev.attic.examples.admin;

import dev.attic.AtticException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code atticadm} command: administration on a server's config and backends. */
@Command(name = "atticadm", mixinStandardHelpOptions = true,
        description = "Administers an Attic server through its config (-f server.toml, or atticd's data directory).",
        subcommands = {MakeToken.class, Gc.class, Verify.class, Migrate.class, MigrateToTurso.class, ChunksCommand.class})
public final class Atticadm implements Runnable {
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    private Atticadm(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Runs one command; returns its exit status (0 ok, 1 failed, 2 bad usage). */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Atticadm(env, out, err))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        CommandLine chunks = cli.getSubcommands().get("chunks");
        chunks.setUnmatchedOptionsArePositionalParams(true);
        chunks.setStopAtPositional(true);
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }

    Map<String, String> env() {
        return env;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** Runs a command body, turning an Attic error into a message and status 1. */
    int guard(Callable<Integer> body) {
        try {
            return body.call();
        } catch (AtticException | IllegalArgumentException e) {
            err.println("atticadm: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("atticadm: " + e);
            return 1;
        }
    }
}
