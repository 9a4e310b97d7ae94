package dev.attic.examples.client;

import dev.attic.AtticException;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code attic}, the client of an Attic server: log in to servers, configure Nix to substitute from a
 * cache, manage caches, push store paths.
 *
 * <p>Exit codes: {@value #OK} success; {@value #FAILED} the server refused or failed, a path could not
 * be pushed, or a local {@code nix} command failed; {@value #USAGE} a mistake on the command line or in
 * the configuration.
 */
@Command(name = "attic", mixinStandardHelpOptions = true, versionProvider = Attic.Version.class,
        description = "The client of an Attic binary cache server.",
        subcommands = {LoginCommand.class, UseCommand.class, CacheCommand.class, PushCommand.class, WatchStoreCommand.class,
            CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Configuration: $XDG_CONFIG_HOME/attic/config.toml (else ~/.config/attic/config.toml).",
            "Start with: attic login NAME URL TOKEN; attic cache create CACHE; attic use CACHE; attic push CACHE ./result"})
public final class Attic implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;
    final boolean terminal;
    private ExecutorService httpThreads;

    private Attic(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        // Ctrl-C: interrupt the command (watch-store then pushes what it has queued and summarizes)
        Thread command = Thread.currentThread();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (running.get()) {
                stopping.set(true);
                command.interrupt();
                try {
                    command.join(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "attic-stop"));
        int code = run(args, System.in, out, err, System.getenv(), System.console() != null);
        running.set(false);
        if (!stopping.get()) {
            System.exit(code);
        }
    }

    /**
     * Runs {@code attic} with the given arguments, streams and environment ({@code HOME},
     * {@code XDG_CONFIG_HOME}, ...) and returns its exit code. {@code terminal} says whether the
     * output is a terminal (progress bars, confirmation prompts).
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {
        Attic attic = new Attic(in, out, err, Map.copyOf(env), terminal);
        CommandLine commandLine = new CommandLine(attic)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler((e, line, parsed) -> attic.report(e));
        commandLine.setParameterExceptionHandler((e, args1) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("error: " + e.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, failed.getErr())) {
                failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
            }
            return USAGE;
        });
        try {
            return commandLine.execute(args);
        } finally {
            attic.close();
        }
    }

    @Override
    public void run() {
        // no command: say what there is
        new CommandLine(this).usage(out);
        throw new BadInputException(ErrorCode.BAD_REQUEST, "no command given");
    }

    /** Turns an expected failure into its message and exit code; only a bug shows a stack trace. */
    private int report(Exception e) {
        if (e instanceof ServerError server) {
            err.println("error: " + server.getMessage() + hint(server));
            return FAILED;
        }
        if (e instanceof BadInputException) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof AtticException) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
        if (e instanceof InterruptedException) {
            err.println("interrupted");
            return FAILED;
        }
        err.println("internal error (a bug in attic; please report it):");
        e.printStackTrace(err);
        return FAILED;
    }

    private static String hint(ServerError e) {
        return switch (e.error()) {
            case "Unauthorized" -> " (no token, or the token was refused: check it with 'attic login NAME URL TOKEN')";
            case "AccessError" -> " (the token does not allow this)";
            case "NoSuchCache" -> " (create it with 'attic cache create NAME', or check the name)";
            default -> "";
        };
    }

    Path configFile() {
        return ClientConfig.path(env);
    }

    ClientConfig config() {
        return ClientConfig.load(configFile());
    }

    /** A cache reference resolved against the configuration, with a client for its server. */
    record Target(String serverName, ServerConfig server, String cache, ApiClient api) {
        /** {@code "cache" on "server"}, for messages. */
        String describe() {
            return '"' + cache + "\" on \"" + serverName + '"';
        }
    }

    Target target(String cacheRef) {
        CacheRef ref = CacheRef.parse(cacheRef);
        Map.Entry<String, ServerConfig> server = config().resolve(ref);
        return new Target(server.getKey(), server.getValue(), ref.cache(), new ApiClient(server.getValue(), httpThreads()));
    }

    private synchronized ExecutorService httpThreads() {
        if (httpThreads == null) {
            // bounded, and large enough for 64 uploads (--jobs) each holding a thread while it reads its NAR pipe;
            // a fixed pool starts its threads only when they are needed
            httpThreads = Executors.newFixedThreadPool(136, daemonThreads("attic-http"));
        }
        return httpThreads;
    }

    private synchronized void close() {
        if (httpThreads != null) {
            httpThreads.shutdownNow();
        }
        out.flush();
        err.flush();
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The version from the jar's manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Attic.class.getPackage().getImplementationVersion();
            return new String[] {"attic (Attic for Java) " + (version == null ? "development build" : version)};
        }
    }
}
