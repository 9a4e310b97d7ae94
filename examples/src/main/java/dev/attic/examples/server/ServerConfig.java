package dev.attic.examples.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.attic.AtticException;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.chunking.ChunkingSettings;
import dev.attic.compression.Compression;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * atticd's configuration: upstream Attic's {@code server.toml} keys, read with their environment
 * overrides (see docs/atticd.md). Every key is optional; a missing key takes the embedded default.
 *
 * @param listen where the HTTP server listens ({@code listen})
 * @param apiEndpoint the public URL of the server ({@code api-endpoint}); empty: from each request's Host
 * @param allowedHosts the Host headers accepted ({@code allowed-hosts}); empty: any
 * @param requireProofOfPossession {@code require-proof-of-possession}
 * @param maxNarInfoSize {@code max-nar-info-size}: the largest upload description, in bytes
 * @param database {@code [database] url} (with {@code auth_token}, {@code local_replica_path} and
 *     {@code sync_interval} for libSQL)
 * @param storage {@code [storage]}
 * @param chunking {@code [chunking]}
 * @param compression {@code [compression] type}
 * @param compressionLevel {@code [compression] level}
 * @param gcInterval {@code [garbage-collection] interval}; zero: no scheduled collection
 * @param defaultRetention {@code [garbage-collection] default-retention-period}; zero: keep forever
 * @param signing {@code [jwt.signing]}
 * @param boundIssuer {@code [jwt] token-bound-issuer}
 * @param boundAudiences {@code [jwt] token-bound-audiences}
 */
public record ServerConfig(
        Listen listen,
        Optional<URI> apiEndpoint,
        List<String> allowedHosts,
        boolean requireProofOfPossession,
        int maxNarInfoSize,
        DatabaseUrl database,
        StorageSettings storage,
        ChunkingSettings chunking,
        Compression compression,
        int compressionLevel,
        Duration gcInterval,
        Duration defaultRetention,
        TokenSigning signing,
        Optional<String> boundIssuer,
        Set<String> boundAudiences) {

    /** Upstream's environment variables: each stands in for its key when the file lacks it. */
    static final Map<String, String> UPSTREAM_ENV = Map.of("database.url", "ATTIC_SERVER_DATABASE_URL");

    /** Upstream's signing variables, in the order upstream tries them when the file has no [jwt.signing] key. */
    private static final List<Map.Entry<TokenSigning.Kind, String>> UPSTREAM_SIGNING_ENV = List.of(
            Map.entry(TokenSigning.Kind.RS256_PUBLIC, "ATTIC_SERVER_TOKEN_RS256_PUBKEY_BASE64"),
            Map.entry(TokenSigning.Kind.RS256, "ATTIC_SERVER_TOKEN_RS256_SECRET_BASE64"),
            Map.entry(TokenSigning.Kind.HS256, "ATTIC_SERVER_TOKEN_HS256_SECRET_BASE64"));

    /** The default listen address: this machine only. */
    public static final Listen DEFAULT_LISTEN = new Listen("127.0.0.1", 8080);

    public ServerConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(apiEndpoint, "apiEndpoint");
        allowedHosts = List.copyOf(allowedHosts);
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(chunking, "chunking");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(gcInterval, "gcInterval");
        Objects.requireNonNull(defaultRetention, "defaultRetention");
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(boundIssuer, "boundIssuer");
        boundAudiences = Set.copyOf(boundAudiences);
    }

    /** This config listening elsewhere (atticd's {@code --listen}). */
    public ServerConfig withListen(Listen other) {
        return new ServerConfig(other, apiEndpoint, allowedHosts, requireProofOfPossession, maxNarInfoSize, database, storage, chunking,
                compression, compressionLevel, gcInterval, defaultRetention, signing, boundIssuer, boundAudiences);
    }

    /**
     * The config atticd would use, without creating anything: {@code file} if given, else
     * {@code ATTIC_SERVER_CONFIG_BASE64}, else the data directory's {@code server.toml}
     * ({@code dataDir}, or the default location).
     */
    public static ServerConfig find(Path file, Path dataDir, Map<String, String> env) {
        if (file != null) {
            return load(file, env);
        }
        String base64 = env.get("ATTIC_SERVER_CONFIG_BASE64");
        if (base64 != null) {
            String toml;
            try {
                toml = new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(ErrorCode.BAD_REQUEST, "ATTIC_SERVER_CONFIG_BASE64 is not valid base64", e);
            }
            return parse(toml, "ATTIC_SERVER_CONFIG_BASE64", Path.of("").toAbsolutePath(), env);
        }
        DataDir data = DataDir.at(dataDir != null ? dataDir : DataDir.defaultLocation(env));
        if (!data.isInitialized()) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "no config at " + data.configFile()
                    + " (start atticd once to create it, or pass -f FILE)");
        }
        return load(data.configFile(), env);
    }

    /** Reads a config file; relative paths in it are taken relative to its directory. */
    public static ServerConfig load(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "no config file at " + file);
        } catch (IOException e) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "cannot read the config file " + file + ": " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir, env);
    }

    /**
     * Parses TOML text. {@code source} names it in errors; {@code baseDir} resolves relative paths.
     *
     * @throws BadInputException naming the key (and the environment variable, if it came from one)
     *     for a syntax error, an unknown key, a missing required key or a bad value
     */
    public static ServerConfig parse(String toml, String source, Path baseDir, Map<String, String> env) {
        JsonNode tree;
        try {
            tree = new TomlMapper().readTree(toml);
        } catch (JacksonException e) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, source + " is not valid TOML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = new TomlMapper().createObjectNode();
        }
        ConfigReader r = new ConfigReader((ObjectNode) tree, env, source, UPSTREAM_ENV);
        ServerConfig config = read(r, baseDir);
        r.rejectUnread();
        return config;
    }

    private static ServerConfig read(ConfigReader r, Path baseDir) {
        Listen listen = wrap("listen", () -> r.string("listen").map(Listen::parse).orElse(DEFAULT_LISTEN));
        Optional<URI> apiEndpoint = r.string("api-endpoint").map(text -> {
            try {
                URI uri = new URI(text);
                if (!uri.isAbsolute() || uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                    throw r.bad("api-endpoint", "must be an http(s) URL such as \"https://cache.example.com/\", got \"" + text + "\"");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw r.bad("api-endpoint", "is not a URL: " + e.getMessage());
            }
        });
        List<String> allowedHosts = r.list("allowed-hosts").orElse(List.of());
        boolean pop = r.bool("require-proof-of-possession").orElse(true);
        int maxNarInfoSize = r.integer("max-nar-info-size", 4096, 64L * 1024 * 1024).orElse(1024L * 1024).intValue();
        if (!r.bool("soft-delete-caches").orElse(true)) {
            throw r.bad("soft-delete-caches", "= false is not supported: this server always soft-deletes a destroyed cache"
                    + " (its name stays taken; its paths go at the next garbage collection); remove the key");
        }
        r.rejectUnsupported("substituter-endpoint", "substituters are always <api-endpoint><cache name>");
        r.rejectUnsupported("jwt.blacklist", "revoke a token by changing the signing key");
        r.rejectUnsupported("token-hs256-secret-base64", "it moved to [jwt.signing] token-hs256-secret-base64, as in upstream Attic");

        String dbUrl = r.string("database.url").orElseThrow(() -> r.bad("database.url",
                "is missing (e.g. url = \"sqlite://server.db?mode=rwc\" or \"postgresql://user:pass@host/db\")"));
        DatabaseUrl database = libsql(r, DatabaseUrl.parse(dbUrl, baseDir), baseDir);
        r.bool("database.heartbeat"); // upstream's keep-alive switch; the pool validates connections anyway

        StorageSettings storage = storage(r, baseDir);

        ChunkingSettings d = ChunkingSettings.DEFAULT;
        long threshold = r.integer("chunking.nar-size-threshold", 1, Integer.MAX_VALUE).orElse(d.narSizeThreshold());
        long min = r.integer("chunking.min-size", 1, Integer.MAX_VALUE).orElse((long) d.minSize());
        long avg = r.integer("chunking.avg-size", 1, Integer.MAX_VALUE).orElse((long) d.avgSize());
        long max = r.integer("chunking.max-size", 1, Integer.MAX_VALUE).orElse((long) d.maxSize());
        boolean referenceAware = r.bool("chunking.reference-aware").orElse(false);
        ChunkingSettings chunking = wrap("[chunking]",
                () -> new ChunkingSettings(threshold, (int) min, (int) avg, (int) max, referenceAware));

        String type = r.string("compression.type").orElse("zstd");
        Compression compression = wrap("[compression] type", () -> Compression.fromName(type));
        int level = r.integer("compression.level", 1, 22).orElse(8L).intValue();

        Duration interval = r.duration("garbage-collection.interval").orElse(Duration.ofHours(12));
        Duration retention = r.duration("garbage-collection.default-retention-period").orElse(Duration.ZERO);

        TokenSigning signing = signing(r, baseDir);
        Optional<String> issuer = r.string("jwt.token-bound-issuer");
        Set<String> audiences = Set.copyOf(r.list("jwt.token-bound-audiences").orElse(List.of()));

        return new ServerConfig(listen, apiEndpoint, allowedHosts, pop, maxNarInfoSize, database, storage, chunking, compression,
                level, interval, retention, signing, issuer, audiences);
    }

    /** {@code [database] auth_token}, {@code local_replica_path}, {@code sync_interval}: libSQL only. */
    private static DatabaseUrl libsql(ConfigReader r, DatabaseUrl database, Path baseDir) {
        Optional<String> token = r.string("database.auth_token").filter(t -> !t.isBlank());
        Optional<Path> replica = r.string("database.local_replica_path").map(p -> {
            if (p.isBlank()) {
                throw r.bad("database.local_replica_path", "is empty; name a file for the local copy, or remove the key");
            }
            return baseDir.resolve(p).toAbsolutePath().normalize();
        });
        Optional<Long> seconds = r.integer("database.sync_interval", 1, Duration.ofDays(1).toSeconds());
        if (database.libsql().isEmpty()) {
            for (String key : List.of("database.auth_token", "database.local_replica_path", "database.sync_interval")) {
                if (r.inFile(key) || r.nonEmpty(ConfigReader.envName(key)).isPresent()) {
                    throw r.bad(key, "is for a libSQL database (url = \"libsql://...\"), not for " + database.redacted());
                }
            }
            return database;
        }
        if (seconds.isPresent() && replica.isEmpty()) {
            throw r.bad("database.sync_interval", "needs local_replica_path (it is how often the local replica is refreshed)");
        }
        Duration interval = seconds.map(Duration::ofSeconds).orElse(DatabaseUrl.Libsql.DEFAULT_SYNC_INTERVAL);
        return database.withLibsql(token, replica, interval);
    }

    private static StorageSettings storage(ConfigReader r, Path baseDir) {
        String type = r.string("storage.type").orElseThrow(() -> r.bad("storage.type", "is missing (\"local\" or \"s3\")"));
        switch (type) {
            case "local": {
                String path = r.string("storage.path").orElseThrow(() -> r.bad("storage.path", "is missing: the directory for chunk files"));
                return new StorageSettings.Local(baseDir.resolve(path).toAbsolutePath().normalize());
            }
            case "s3": {
                String region = r.string("storage.region").orElseThrow(() -> r.bad("storage.region", "is missing (e.g. \"us-east-1\")"));
                String bucket = r.string("storage.bucket").orElseThrow(() -> r.bad("storage.bucket", "is missing"));
                Optional<URI> endpoint = r.string("storage.endpoint").map(URI::create);
                Optional<String> key = r.string("storage.credentials.access_key_id");
                Optional<String> secret = r.string("storage.credentials.secret_access_key");
                if (key.isPresent() != secret.isPresent()) {
                    throw r.bad("storage.credentials", "needs both access_key_id and secret_access_key, or neither (AWS default chain)");
                }
                StorageSettings.S3 s3 = new StorageSettings.S3(region, bucket, endpoint, key, secret);
                wrap("[storage]", s3::config); // validates bucket, region and endpoint now
                return s3;
            }
            default:
                throw r.bad("storage.type", "must be \"local\" or \"s3\", got \"" + type + "\"");
        }
    }

    private static TokenSigning signing(ConfigReader r, Path baseDir) {
        Optional<String> hs = r.string("jwt.signing.token-hs256-secret-base64");
        Optional<String> rs = r.string("jwt.signing.token-rs256-secret-base64");
        Optional<String> pub = r.string("jwt.signing.token-rs256-pubkey-base64");
        Optional<String> file = r.string("jwt.signing.token-hs256-secret-file");
        int given = (hs.isPresent() ? 1 : 0) + (rs.isPresent() ? 1 : 0) + (pub.isPresent() ? 1 : 0) + (file.isPresent() ? 1 : 0);
        if (given == 0) {
            for (Map.Entry<TokenSigning.Kind, String> variable : UPSTREAM_SIGNING_ENV) {
                Optional<String> value = r.nonEmpty(variable.getValue());
                if (value.isPresent()) {
                    TokenSigning fromEnv = new TokenSigning(variable.getKey(), value.get());
                    try {
                        fromEnv.key();
                    } catch (AtticException e) {
                        throw new BadInputException(ErrorCode.BAD_REQUEST, variable.getValue() + " is not a usable key: " + e.getMessage(), e);
                    }
                    return fromEnv;
                }
            }
            throw r.bad("jwt.signing", "needs a key: token-hs256-secret-base64 (make one with: openssl rand 64 | base64 -w0),"
                    + " token-rs256-secret-base64, token-rs256-pubkey-base64 or token-hs256-secret-file"
                    + " (or ATTIC_SERVER_TOKEN_HS256_SECRET_BASE64)");
        }
        if (given > 1) {
            throw r.bad("jwt.signing", "has more than one key; keep exactly one");
        }
        TokenSigning signing;
        String key;
        if (hs.isPresent()) {
            signing = new TokenSigning(TokenSigning.Kind.HS256, hs.get());
            key = "jwt.signing.token-hs256-secret-base64";
        } else if (rs.isPresent()) {
            signing = new TokenSigning(TokenSigning.Kind.RS256, rs.get());
            key = "jwt.signing.token-rs256-secret-base64";
        } else if (pub.isPresent()) {
            signing = new TokenSigning(TokenSigning.Kind.RS256_PUBLIC, pub.get());
            key = "jwt.signing.token-rs256-pubkey-base64";
        } else {
            key = "jwt.signing.token-hs256-secret-file";
            Path path = baseDir.resolve(file.get());
            try {
                signing = new TokenSigning(TokenSigning.Kind.HS256, Files.readString(path, StandardCharsets.US_ASCII).strip());
            } catch (IOException e) {
                throw r.bad(key, "names " + path + ", which cannot be read: " + e);
            }
        }
        try {
            signing.key();
        } catch (AtticException e) {
            throw r.bad(key, "is not a usable key: " + e.getMessage());
        }
        return signing;
    }

    private static <T> T wrap(String key, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException | BadInputException e) {
            String message = e.getMessage();
            throw new BadInputException(ErrorCode.BAD_REQUEST, message.startsWith(key) ? message : key + ": " + message, e);
        }
    }

    /** The effective configuration as TOML, with every secret redacted: what check-config prints. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append("listen = ").append(q(listen.toString())).append('\n');
        b.append(apiEndpoint.map(u -> "api-endpoint = " + q(u.toString())).orElse("# api-endpoint: from each request's Host header")).append('\n');
        b.append("allowed-hosts = ").append(allowedHosts.stream().map(ServerConfig::q).collect(Collectors.joining(", ", "[", "]")))
                .append(allowedHosts.isEmpty() ? "  # any host" : "").append('\n');
        b.append("require-proof-of-possession = ").append(requireProofOfPossession).append('\n');
        b.append("max-nar-info-size = ").append(maxNarInfoSize).append("\n\n");
        b.append("[database]\nurl = ").append(q(database.redacted())).append('\n');
        database.libsql().ifPresent(l -> {
            b.append(l.authToken().isPresent() ? "auth_token = \"(redacted)\"\n" : "# auth_token: none (a server without auth)\n");
            l.replicaFile().ifPresent(file -> b.append("local_replica_path = ").append(q(file.toString()))
                    .append("\nsync_interval = ").append(l.syncInterval().toSeconds()).append('\n'));
        });
        b.append('\n');
        b.append("[storage]\n");
        if (storage instanceof StorageSettings.Local local) {
            b.append("type = \"local\"\npath = ").append(q(local.path().toString())).append('\n');
        } else if (storage instanceof StorageSettings.S3 s3) {
            b.append("type = \"s3\"\nregion = ").append(q(s3.region())).append("\nbucket = ").append(q(s3.bucket())).append('\n');
            s3.endpoint().ifPresent(e -> b.append("endpoint = ").append(q(e.toString())).append('\n'));
            if (s3.accessKeyId().isPresent()) {
                b.append("credentials = { access_key_id = ").append(q(s3.accessKeyId().get()))
                        .append(", secret_access_key = \"(redacted)\" }\n");
            } else {
                b.append("# credentials: the AWS default chain (environment, profile, instance role)\n");
            }
        }
        b.append("\n[chunking]\nnar-size-threshold = ").append(chunking.narSizeThreshold())
                .append("\nmin-size = ").append(chunking.minSize())
                .append("\navg-size = ").append(chunking.avgSize())
                .append("\nmax-size = ").append(chunking.maxSize())
                .append("\nreference-aware = ").append(chunking.referenceAware())
                .append(chunking.referenceAware() ? "  # chunks upstream Attic cannot read" : "").append("\n\n");
        b.append("[compression]\ntype = ").append(q(compression.nixName())).append("\nlevel = ").append(compressionLevel).append("\n\n");
        b.append("[garbage-collection]\ninterval = ").append(q(HumanDuration.format(gcInterval)))
                .append(gcInterval.isZero() ? "  # no scheduled collection" : "")
                .append("\ndefault-retention-period = ").append(q(HumanDuration.format(defaultRetention)))
                .append(defaultRetention.isZero() ? "  # keep paths forever" : "").append("\n\n");
        b.append("[jwt]\n");
        boundIssuer.ifPresent(i -> b.append("token-bound-issuer = ").append(q(i)).append('\n'));
        if (!boundAudiences.isEmpty()) {
            b.append("token-bound-audiences = ").append(boundAudiences.stream().sorted().map(ServerConfig::q)
                    .collect(Collectors.joining(", ", "[", "]"))).append('\n');
        }
        b.append("\n[jwt.signing]\n").append(signing.kind().key()).append(" = \"(redacted)\"\n");
        return b.toString();
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public String toString() {
        return describe();
    }
}
