package dev.attic.examples.admin;

import dev.attic.auth.CacheNamePattern;
import dev.attic.auth.CachePermissions;
import dev.attic.auth.Permission;
import dev.attic.auth.Token;
import dev.attic.examples.server.HumanDuration;
import dev.attic.examples.server.ServerConfig;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code atticadm make-token}: signs a token with the server's key, with upstream's options. */
@Command(name = "make-token", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Signs a token with the server's key and prints it.",
                "Each permission option takes a cache name pattern (* matches any characters) and may be repeated."})
final class MakeToken implements Callable<Integer> {
    @ParentCommand
    Atticadm parent;

    @Mixin
    ConfigOptions config;

    @Option(names = "--sub", required = true, paramLabel = "SUBJECT", description = "Who holds the token (its sub claim).")
    String subject;

    @Option(names = "--validity", required = true, paramLabel = "DURATION", description = "How long it is valid, e.g. 1y, \"3 months\", 30d.")
    String validity;

    @Option(names = "--pull", paramLabel = "PATTERN", description = "May pull from matching caches.")
    List<String> pull = new ArrayList<>();

    @Option(names = "--push", paramLabel = "PATTERN", description = "May push to matching caches.")
    List<String> push = new ArrayList<>();

    @Option(names = "--delete", paramLabel = "PATTERN", description = "May delete objects from matching caches.")
    List<String> delete = new ArrayList<>();

    @Option(names = "--create-cache", paramLabel = "PATTERN", description = "May create matching caches.")
    List<String> createCache = new ArrayList<>();

    @Option(names = "--configure-cache", paramLabel = "PATTERN", description = "May configure matching caches.")
    List<String> configureCache = new ArrayList<>();

    @Option(names = "--configure-cache-retention", paramLabel = "PATTERN", description = "May change matching caches' retention.")
    List<String> configureCacheRetention = new ArrayList<>();

    @Option(names = "--destroy-cache", paramLabel = "PATTERN", description = "May destroy matching caches.")
    List<String> destroyCache = new ArrayList<>();

    @Override
    public Integer call() {
        return parent.guard(() -> {
            ServerConfig server = config.load(parent.env());
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant until = now.plus(HumanDuration.parse(validity, "--validity"));
            Map<String, Set<Permission>> grants = new LinkedHashMap<>();
            add(grants, pull, Permission.PULL);
            add(grants, push, Permission.PUSH);
            add(grants, delete, Permission.DELETE);
            add(grants, createCache, Permission.CREATE_CACHE);
            add(grants, configureCache, Permission.CONFIGURE_CACHE);
            add(grants, configureCacheRetention, Permission.CONFIGURE_CACHE_RETENTION);
            add(grants, destroyCache, Permission.DESTROY_CACHE);
            Token token = Token.of(subject, now, until);
            for (Map.Entry<String, Set<Permission>> grant : grants.entrySet()) {
                token = token.withGrant(CacheNamePattern.of(grant.getKey()),
                        CachePermissions.of(grant.getValue().toArray(Permission[]::new)));
            }
            parent.out().println(server.signing().key().sign(token, server.boundIssuer(), server.boundAudiences()));
            return 0;
        });
    }

    private static void add(Map<String, Set<Permission>> grants, List<String> patterns, Permission permission) {
        for (String pattern : patterns) {
            grants.computeIfAbsent(pattern, p -> EnumSet.noneOf(Permission.class)).add(permission);
        }
    }
}
