package dev.attic.examples.server;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * atticd's data directory on the embedded default: {@code server.toml}, {@code token-secret},
 * {@code server.db} (SQLite) and {@code storage/} (chunk files). The first start creates it.
 */
public final class DataDir {
    static final String CONFIG = "server.toml";
    static final String SECRET = "token-secret";
    private static final int SECRET_BYTES = 64;

    private final Path dir;

    private DataDir(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public static DataDir at(Path dir) {
        return new DataDir(dir);
    }

    /** {@code $XDG_DATA_HOME/atticd}, else {@code ~/.local/share/atticd}. */
    public static Path defaultLocation(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "atticd");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "atticd");
    }

    public Path path() {
        return dir;
    }

    public Path configFile() {
        return dir.resolve(CONFIG);
    }

    /** Whether the first start has happened: the config file exists. */
    public boolean isInitialized() {
        return Files.exists(configFile());
    }

    /**
     * Creates the directory, a fresh 64-byte HS256 secret ({@code token-secret}, owner-only) and a
     * {@code server.toml} that points at it, listening on {@code listen}.
     *
     * @throws BadInputException if the directory already holds a config
     */
    public void initialize(Listen listen) {
        try {
            Files.createDirectories(dir);
            byte[] secret = new byte[SECRET_BYTES];
            new SecureRandom().nextBytes(secret);
            writePrivate(dir.resolve(SECRET), Base64.getEncoder().encodeToString(secret) + "\n");
            Files.writeString(configFile(), template(listen), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, dir + " already holds " + e.getFile()
                    + "; remove it to start afresh, or start atticd without changing it");
        } catch (IOException e) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "cannot create the data directory " + dir + ": " + e, e);
        }
    }

    private static void writePrivate(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    static String template(Listen listen) {
        return String.join("\n",
                "# atticd's configuration, written on its first start. Upstream Attic's keys; see docs/atticd.md.",
                "# Relative paths are taken relative to this file's directory.",
                "",
                "# Where to listen. \"[::]:8080\" listens on every interface.",
                "listen = \"" + listen + "\"",
                "",
                "# The public URL, if atticd is behind a proxy:",
                "# api-endpoint = \"https://cache.example.com/\"",
                "",
                "[database]",
                "# or \"postgresql://attic:secret@db.example.com/attic\" to share it between servers",
                "url = \"sqlite://server.db?mode=rwc\"",
                "",
                "[storage]",
                "type = \"local\"",
                "path = \"storage\"",
                "# type = \"s3\"",
                "# region = \"us-east-1\"",
                "# bucket = \"my-attic\"",
                "# endpoint = \"https://s3.example.com\"",
                "# [storage.credentials]",
                "# access_key_id = \"...\"",
                "# secret_access_key = \"...\"",
                "",
                "[chunking]",
                "nar-size-threshold = 65536",
                "min-size = 16384",
                "avg-size = 65536",
                "max-size = 262144",
                "# Not in upstream Attic: mask store path hashes before chunking, so that chunks dedup",
                "# across rebuilds of dependencies (docs/chunking.md). Upstream Attic cannot read the chunks.",
                "reference-aware = false",
                "",
                "[compression]",
                "type = \"zstd\"",
                "level = 8",
                "",
                "[garbage-collection]",
                "interval = \"12 hours\"",
                "# Paths nobody fetched for this long are removed from caches without their own retention.",
                "# \"0s\" keeps them forever.",
                "default-retention-period = \"0s\"",
                "",
                "[jwt.signing]",
                "# The HS256 secret that signs tokens, in a file beside this one (base64). To share it with",
                "# other servers, use token-hs256-secret-base64 = \"...\" or ATTIC_SERVER_TOKEN_HS256_SECRET_BASE64.",
                "token-hs256-secret-file = \"" + SECRET + "\"",
                "");
    }
}
