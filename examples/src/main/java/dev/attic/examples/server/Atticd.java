package dev.attic.examples.server;

import dev.attic.AtticException;
import dev.attic.auth.CacheNamePattern;
import dev.attic.auth.CachePermissions;
import dev.attic.auth.Permission;
import dev.attic.auth.Token;
import dev.attic.auth.TokenKey;
import dev.attic.engine.Attic;
import dev.attic.engine.GcReport;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code atticd} command: a standalone Attic server. With no config it runs on the embedded
 * default (a data directory with SQLite and local storage), creating it on the first start and
 * printing the URL, a root token and the next steps. {@code --mode check-config} (or
 * {@code atticd check-config}) prints the effective config and exits.
 */
@Command(name = "atticd", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"A self-hostable Nix binary cache server (Attic for Java).",
                "With no -f, uses the data directory (created, with a root token, on the first start)."})
public final class Atticd implements Callable<Integer> {
    /** How long the root token printed on a start is valid. */
    static final Duration ROOT_TOKEN_VALIDITY = Duration.ofDays(365);

    @Option(names = {"-f", "--config"}, paramLabel = "FILE", description = "The server.toml to use (default: the one in the data directory).")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The data directory of the embedded default (default: $XDG_DATA_HOME/atticd, else ~/.local/share/atticd).")
    Path dataDir;

    @Option(names = {"-l", "--listen"}, paramLabel = "HOST:PORT",
            description = "Listen here instead of the config's listen (e.g. 0.0.0.0:8080, [::]:8080, 127.0.0.1:0).")
    String listen;

    @Option(names = "--mode", paramLabel = "MODE", description = {"monolithic: serve (the default);",
            "check-config: print the effective config and exit;",
            "garbage-collector-once: collect garbage once and exit;",
            "db-migrations: bring the database to the current schema and exit."})
    String mode = "monolithic";

    @Option(names = "--print-root-token", description = "Print a new root token (every permission on every cache, valid a year) when started.")
    boolean printRootToken;

    @Parameters(arity = "0..1", paramLabel = "check-config", description = "Same as --mode check-config.")
    String command;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private AtticServer server;

    private Atticd(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** What {@link #launch} did: a server that is running, or an exit status. */
    public record Launch(Optional<AtticServer> server, int exitStatus) {}

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("java.util.logging.config.file") == null) {
            // The engine and the servlet log through System.Logger (java.util.logging here): keep
            // per-request INFO lines (a client's bad request) out of the console; warnings stay.
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        }
        Launch launch = launch(args, System.getenv(), System.out, System.err);
        if (launch.server().isEmpty()) {
            System.out.flush();
            System.exit(launch.exitStatus());
            return;
        }
        AtticServer server = launch.server().get();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("atticd: stopping (waiting for requests in flight)");
            server.close();
        }, "atticd-shutdown"));
        server.join();
    }

    /**
     * Parses the arguments and starts the server without blocking (tests start atticd this way).
     * Messages for the user go to {@code out}, errors to {@code err}.
     */
    public static Launch launch(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Atticd atticd = new Atticd(env, out, err);
        CommandLine cli = new CommandLine(atticd).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Launch(Optional.ofNullable(atticd.server), status);
    }

    @Override
    public Integer call() {
        if (command != null && !command.equals("check-config")) {
            err.println("atticd: unknown command \"" + command + "\" (the only one is check-config)");
            return 2;
        }
        if (command != null) {
            mode = "check-config";
        }
        if (!Set.of("monolithic", "check-config", "garbage-collector-once", "db-migrations").contains(mode)) {
            err.println("atticd: unknown --mode \"" + mode + "\" (monolithic, check-config, garbage-collector-once or db-migrations)");
            return 2;
        }
        boolean check = !mode.equals("monolithic");
        try {
            Optional<Listen> listenOverride = Optional.ofNullable(listen).map(Listen::parse);
            boolean firstStart = false;
            ServerConfig config;
            String where;
            if (configFile != null) {
                config = ServerConfig.load(configFile, env);
                where = configFile.toAbsolutePath().toString();
            } else if (env.containsKey("ATTIC_SERVER_CONFIG_BASE64")) {
                config = ServerConfig.find(null, null, env);
                where = "ATTIC_SERVER_CONFIG_BASE64";
            } else {
                DataDir data = DataDir.at(dataDir != null ? dataDir : DataDir.defaultLocation(env));
                if (!data.isInitialized()) {
                    if (check) {
                        err.println("atticd: no config at " + data.configFile() + " (start atticd once to create it, or pass -f FILE)");
                        return 1;
                    }
                    data.initialize(listenOverride.orElse(ServerConfig.DEFAULT_LISTEN));
                    firstStart = true;
                }
                config = ServerConfig.load(data.configFile(), env);
                where = data.configFile().toString();
            }
            if (listenOverride.isPresent()) {
                config = config.withListen(listenOverride.get());
            }
            switch (mode) {
                case "check-config" -> {
                    out.println("# " + where + ": valid. The effective configuration (secrets redacted):");
                    out.print(config.describe());
                    return 0;
                }
                case "garbage-collector-once" -> {
                    try (Backends backends = Backends.open(config); Attic engine = backends.engine()) {
                        GcReport r = engine.collectGarbage();
                        out.println("garbage collected: " + r.objectsExpired() + " objects expired, " + r.narsDeleted()
                                + " NARs and " + r.chunksDeleted() + " chunks deleted, " + r.stagedFilesDeleted()
                                + " staged files deleted, " + r.chunkDeletesFailed() + " chunk deletes failed");
                        return r.chunkDeletesFailed() == 0 ? 0 : 1;
                    }
                }
                case "db-migrations" -> {
                    config.database().open().close();
                    out.println("the database " + config.database().redacted() + " is at the current schema");
                    return 0;
                }
                default -> { }
            }
            server = AtticServer.start(config);
            greet(config, where, firstStart);
            return 0;
        } catch (AtticException | IllegalArgumentException e) {
            err.println("atticd: " + e.getMessage());
            return 1;
        }
    }

    private void greet(ServerConfig config, String where, boolean firstStart) {
        String url = server.uri().toString();
        out.println("atticd is listening on " + url + "  (config: " + where + ")");
        if (firstStart) {
            out.println();
            out.println("First start: created " + Path.of(where).getParent() + " with server.toml (edit it to change"
                    + " the settings), token-secret, server.db and storage/.");
        }
        if (!(firstStart || printRootToken)) {
            return;
        }
        TokenKey key = config.signing().key();
        if (!key.canSign()) {
            out.println("No root token: this server holds only an RS256 public key, which cannot sign tokens.");
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant until = now.plus(ROOT_TOKEN_VALIDITY);
        String token = key.sign(Token.of("root", now, until)
                        .withGrant(CacheNamePattern.of("*"), CachePermissions.of(Permission.values())),
                config.boundIssuer(), config.boundAudiences());
        out.println();
        out.println("Root token (every permission on every cache, valid until " + until.atOffset(ZoneOffset.UTC).toLocalDate()
                + "; keep it secret):");
        out.println();
        out.println(token);
        out.println();
        out.println("Next steps:");
        out.println("  attic login local " + url + " <root token>");
        out.println("  attic cache create hello");
        out.println("  attic push hello $(readlink -f $(which hello))     # or any store path");
        out.println("  attic use hello                                    # adds the substituter and its key to nix.conf");
        out.println("  atticadm make-token --sub alice --validity 3months --pull 'hello' --push 'hello'   # a narrower token");
        out.println("(attic and atticadm are: java -jar examples/target/attic.jar attic|atticadm ...)");
        if (firstStart) {
            out.println("Later starts print no token; ask for a new one with --print-root-token.");
        }
    }
}
