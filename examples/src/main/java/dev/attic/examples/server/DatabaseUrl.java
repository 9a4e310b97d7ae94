package dev.attic.examples.server;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.metadata.jdbi.JdbiMetadata;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Upstream Attic's {@code [database] url}: {@code sqlite://PATH?mode=rwc} or
 * {@code postgresql://USER:PASSWORD@HOST[:PORT]/DB[?PARAMS]} (also {@code postgres://}); or a
 * libSQL (Turso, sqld) URL: {@code libsql://HOST}, {@code https://HOST} or {@code http://HOST:PORT},
 * whose token and local replica come from their own keys ({@link #withLibsql}). A relative
 * SQLite path is resolved against the directory of the config file. PostgreSQL parameters are
 * passed to the JDBC driver as they are (e.g. {@code sslmode=require}, {@code currentSchema=attic}).
 */
public record DatabaseUrl(String url, Optional<Path> sqliteFile, Optional<Postgres> postgres, Optional<Libsql> libsql) {

    public DatabaseUrl {
        Objects.requireNonNull(url, "url");
        int kinds = (sqliteFile.isPresent() ? 1 : 0) + (postgres.isPresent() ? 1 : 0) + (libsql.isPresent() ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalArgumentException("a database URL names exactly one kind of database");
        }
    }

    /** The JDBC form of a PostgreSQL URL. */
    public record Postgres(String jdbcUrl, String user, String password) {}

    /**
     * A libSQL database: {@code [database] auth_token}, and the optional local replica
     * ({@code local_replica_path}, refreshed every {@code sync_interval}).
     */
    public record Libsql(String url, Optional<String> authToken, Optional<Path> replicaFile, Duration syncInterval) {
        /** The refresh interval of a local replica when {@code sync_interval} is not given. */
        public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofSeconds(5);

        public Libsql {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(authToken, "authToken");
            Objects.requireNonNull(replicaFile, "replicaFile");
            if (syncInterval == null || syncInterval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("the sync interval must be at least one second, was " + syncInterval);
            }
        }

        @Override
        public String toString() {
            return "Libsql[url=" + url + ", authToken=" + authToken.map(t -> "(redacted)").orElse("none")
                    + ", replicaFile=" + replicaFile + ", syncInterval=" + syncInterval + "]";
        }
    }

    /** Parses {@code url}; a relative SQLite path is taken relative to {@code baseDir}. */
    public static DatabaseUrl parse(String url, Path baseDir) {
        if (url.startsWith("sqlite:")) {
            String rest = url.substring("sqlite:".length());
            if (rest.startsWith("//")) {
                rest = rest.substring(2);
            }
            int query = rest.indexOf('?');
            String file = query < 0 ? rest : rest.substring(0, query);
            if (file.isEmpty()) {
                throw bad(url, "it names no file (e.g. sqlite:///var/lib/atticd/server.db?mode=rwc)");
            }
            Path path = file.equals(":memory:") ? Path.of(file) : baseDir.resolve(file).toAbsolutePath().normalize();
            return new DatabaseUrl(url, Optional.of(path), Optional.empty(), Optional.empty());
        }
        if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw bad(url, e.getReason());
            }
            if (uri.getHost() == null) {
                throw bad(url, "it names no host (e.g. postgresql://attic:secret@db.example.com/attic)");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (path.length() <= 1) {
                throw bad(url, "it names no database (the path after the host)");
            }
            String user = "";
            String password = "";
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
            }
            String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return new DatabaseUrl(url, Optional.empty(), Optional.of(new Postgres(jdbc, user, password)), Optional.empty());
        }
        if (url.startsWith("libsql://") || url.startsWith("https://") || url.startsWith("http://")) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw bad(url, e.getReason());
            }
            if (uri.getHost() == null) {
                throw bad(url, "it names no host (e.g. libsql://attic-me.turso.io or http://127.0.0.1:8080)");
            }
            if (uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
                throw bad(url, "a libSQL URL carries no user or query; put the token in [database] auth_token");
            }
            return new DatabaseUrl(url, Optional.empty(), Optional.empty(),
                    Optional.of(new Libsql(url, Optional.empty(), Optional.empty(), Libsql.DEFAULT_SYNC_INTERVAL)));
        }
        throw bad(url, "use sqlite://PATH, postgresql://USER:PASSWORD@HOST/DB, or libsql://HOST (https://HOST, http://HOST:PORT)");
    }

    /** This libSQL URL with its token and local replica; fails on any other kind of database. */
    public DatabaseUrl withLibsql(Optional<String> authToken, Optional<Path> replicaFile, Duration syncInterval) {
        Libsql l = libsql.orElseThrow(() -> new IllegalStateException("not a libSQL URL: " + redacted()));
        return new DatabaseUrl(url, sqliteFile, postgres, Optional.of(new Libsql(l.url(), authToken, replicaFile, syncInterval)));
    }

    /** Opens the metadata store this URL names (creating a SQLite file if absent). */
    public JdbiMetadata open() {
        if (sqliteFile.isPresent()) {
            if (sqliteFile.get().toString().equals(":memory:")) {
                throw new BadInputException(ErrorCode.BAD_REQUEST,
                        "[database] url: an in-memory SQLite database is only good for check-config");
            }
            return JdbiMetadata.sqlite(sqliteFile.get());
        }
        if (libsql.isPresent()) {
            Libsql l = libsql.get();
            JdbiMetadata.Builder builder = JdbiMetadata.builder().libsql(l.url(), l.authToken().orElse(null));
            l.replicaFile().ifPresent(file -> builder.localReplica(file, l.syncInterval()));
            return builder.build();
        }
        Postgres pg = postgres.orElseThrow();
        return JdbiMetadata.postgres(pg.jdbcUrl(), pg.user(), pg.password());
    }

    /** The URL with its password replaced by {@code ***}. */
    public String redacted() {
        if (postgres.isEmpty() || postgres.get().password().isEmpty()) {
            return url;
        }
        int at = url.indexOf('@');
        int colon = url.indexOf(':', url.indexOf("//") + 2);
        return colon > 0 && colon < at ? url.substring(0, colon + 1) + "***" + url.substring(at) : url;
    }

    @Override
    public String toString() {
        return redacted();
    }

    private static BadInputException bad(String url, String why) {
        String shown = url.replaceAll("(//[^:/@]*:)[^@]*@", "$1***@");
        return new BadInputException(ErrorCode.BAD_REQUEST, "[database] url: \"" + shown + "\" is not a database URL: " + why);
    }
}
