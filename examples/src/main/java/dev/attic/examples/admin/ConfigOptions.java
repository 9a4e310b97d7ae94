package dev.attic.examples.admin;

import dev.attic.examples.server.ServerConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a command finds the server's config: {@code -f FILE}, else the data directory, as atticd does. */
final class ConfigOptions {
    @Option(names = {"-f", "--config"}, paramLabel = "FILE", description = "The server's server.toml (default: the data directory's).")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "atticd's data directory (default: $XDG_DATA_HOME/atticd, else ~/.local/share/atticd).")
    Path dataDir;

    ServerConfig load(Map<String, String> env) {
        return ServerConfig.find(configFile, dataDir, env);
    }
}
