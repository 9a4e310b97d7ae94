package dev.attic.examples.client;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

/** {@code attic cache create|configure|info|destroy}. */
@Command(name = "cache", description = "Manage caches on a server.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {CacheCommand.Create.class, CacheCommand.Configure.class, CacheCommand.Info.class, CacheCommand.Destroy.class})
final class CacheCommand implements Runnable {
    @ParentCommand
    Attic attic;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(attic.out);
        throw new BadInputException(ErrorCode.BAD_REQUEST, "say which: attic cache create|configure|info|destroy");
    }

    @Command(name = "create", description = "Create a cache, with a new signing key.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        CacheCommand parent;

        @Parameters(paramLabel = "CACHE", description = "The cache to create: CACHE or SERVER:CACHE.")
        String cache;

        @Option(names = "--public", description = "Anyone may pull from it without a token.")
        boolean isPublic;

        @Option(names = "--priority", defaultValue = "41", description = "Its priority for Nix (lower is preferred; default: ${DEFAULT-VALUE}).")
        int priority;

        @Option(names = "--upstream-cache-key-name", paramLabel = "KEY_NAME", defaultValue = "cache.nixos.org-1", split = ",",
                description = "Paths signed by this key are not pushed (repeatable; default: ${DEFAULT-VALUE}).")
        List<String> upstreamCacheKeyNames;

        @Option(names = "--store-dir", defaultValue = "/nix/store", description = "The Nix store directory (default: ${DEFAULT-VALUE}).")
        String storeDir;

        @Override
        public Integer call() {
            Attic attic = parent.attic;
            Attic.Target target = attic.target(cache);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("keypair", "Generate");
            body.put("is_public", isPublic);
            body.put("store_dir", storeDir);
            body.put("priority", priority);
            body.put("upstream_cache_key_names", upstreamCacheKeyNames);
            target.api().createCache(target.cache(), body);
            attic.out.println("Created cache " + target.describe() + (isPublic ? " (public)." : " (private)."));
            target.api().cacheConfig(target.cache()).publicKey().ifPresent(key -> attic.out.println("Public key: " + key));
            attic.out.println("Run 'attic use " + target.serverName() + ":" + target.cache() + "' to have Nix substitute from it,");
            attic.out.println("and 'attic push " + target.serverName() + ":" + target.cache() + " ./result' to push to it.");
            return Attic.OK;
        }
    }

    @Command(name = "configure", description = "Change a cache's settings.")
    static final class Configure implements Callable<Integer> {
        @ParentCommand
        CacheCommand parent;

        @Parameters(paramLabel = "CACHE", description = "CACHE or SERVER:CACHE.")
        String cache;

        @ArgGroup(exclusive = true)
        Visibility visibility;

        static final class Visibility {
            @Option(names = "--public", required = true, description = "Anyone may pull without a token.")
            boolean isPublic;

            @Option(names = "--private", required = true, description = "Pulling needs a token.")
            boolean isPrivate;
        }

        @Option(names = "--priority", description = "Its priority for Nix (lower is preferred).")
        Integer priority;

        @Option(names = "--upstream-cache-key-name", paramLabel = "KEY_NAME", split = ",",
                description = "Replace the upstream key names (repeatable).")
        List<String> upstreamCacheKeyNames;

        @Option(names = "--store-dir", description = "The Nix store directory.")
        String storeDir;

        @Option(names = "--retention-period", paramLabel = "PERIOD",
                description = "Keep unaccessed paths this long (30d, 12h, 1w2d...), or 'global' for the server's default.")
        String retentionPeriod;

        @Option(names = "--regenerate-keypair", description = "Sign with a new key from now on (clients must trust the new key).")
        boolean regenerateKeypair;

        @Override
        public Integer call() {
            Map<String, Object> patch = new LinkedHashMap<>();
            if (visibility != null) {
                patch.put("is_public", visibility.isPublic);
            }
            if (priority != null) {
                patch.put("priority", priority);
            }
            if (upstreamCacheKeyNames != null) {
                patch.put("upstream_cache_key_names", upstreamCacheKeyNames);
            }
            if (storeDir != null) {
                patch.put("store_dir", storeDir);
            }
            if (retentionPeriod != null) {
                patch.put("retention_period", RetentionPeriod.parse(retentionPeriod)
                        .<Object>map(d -> Map.of("Period", d.getSeconds())).orElse("Global"));
            }
            if (regenerateKeypair) {
                patch.put("keypair", "Generate");
            }
            if (patch.isEmpty()) {
                throw new BadInputException(ErrorCode.BAD_REQUEST, "nothing to change: give at least one option (see 'attic cache configure --help')");
            }
            Attic attic = parent.attic;
            Attic.Target target = attic.target(cache);
            target.api().configureCache(target.cache(), patch);
            attic.out.println("Configured " + target.describe() + ".");
            if (regenerateKeypair) {
                target.api().cacheConfig(target.cache()).publicKey().ifPresent(key -> attic.out.println(
                        "New public key: " + key + "\nRun 'attic use " + target.serverName() + ":" + target.cache()
                                + "' again so Nix trusts it."));
            }
            return Attic.OK;
        }
    }

    @Command(name = "info", description = "Show a cache's settings.")
    static final class Info implements Callable<Integer> {
        @ParentCommand
        CacheCommand parent;

        @Parameters(paramLabel = "CACHE", description = "CACHE or SERVER:CACHE.")
        String cache;

        @Override
        public Integer call() {
            Attic attic = parent.attic;
            Attic.Target target = attic.target(cache);
            CacheConfig config = target.api().cacheConfig(target.cache());
            attic.out.println("               Public: " + config.isPublic());
            attic.out.println("           Public Key: " + config.publicKey().orElse("(none)"));
            attic.out.println("Binary Cache Endpoint: " + config.substituterEndpoint().orElse("(unknown)"));
            attic.out.println("         API Endpoint: " + config.apiEndpoint().orElse("(unknown)"));
            attic.out.println("      Store Directory: " + config.storeDir());
            attic.out.println("             Priority: " + config.priority());
            attic.out.println("  Upstream Cache Keys: " + (config.upstreamCacheKeyNames().isEmpty() ? "(none)"
                    : String.join(", ", config.upstreamCacheKeyNames())));
            attic.out.println("     Retention Period: " + config.retentionPeriod().map(RetentionPeriod::format).orElse("Global Default"));
            return Attic.OK;
        }
    }

    @Command(name = "destroy", description = "Destroy a cache: its paths are no longer served, its name stays taken.")
    static final class Destroy implements Callable<Integer> {
        @ParentCommand
        CacheCommand parent;

        @Parameters(paramLabel = "CACHE", description = "CACHE or SERVER:CACHE.")
        String cache;

        @Option(names = "--no-confirm", description = "Do not ask (needed when not on a terminal).")
        boolean noConfirm;

        @Override
        public Integer call() throws IOException {
            Attic attic = parent.attic;
            Attic.Target target = attic.target(cache);
            if (!noConfirm) {
                if (!attic.terminal) {
                    throw new BadInputException(ErrorCode.BAD_REQUEST,
                            "not on a terminal, so cannot ask: pass --no-confirm to destroy " + target.describe());
                }
                attic.out.print("Destroy " + target.describe() + "? Its paths will no longer be served. Type the cache name to confirm: ");
                attic.out.flush();
                String answer = new BufferedReader(new InputStreamReader(attic.in, StandardCharsets.UTF_8)).readLine();
                if (answer == null || !answer.strip().equals(target.cache())) {
                    attic.err.println("Not destroyed.");
                    return Attic.FAILED;
                }
            }
            target.api().destroyCache(target.cache());
            attic.out.println("Destroyed " + target.describe() + ".");
            return Attic.OK;
        }
    }
}
