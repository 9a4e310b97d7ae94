package dev.attic.examples.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The client's configuration, upstream's format: {@code $XDG_CONFIG_HOME/attic/config.toml} (else
 * {@code ~/.config/attic/config.toml}) with {@code default-server} and one {@code [servers.NAME]}
 * table per server ({@code endpoint}, {@code token}).
 */
record ClientConfig(Optional<String> defaultServer, Map<String, ServerConfig> servers) {
    ClientConfig {
        Objects.requireNonNull(defaultServer, "defaultServer");
        servers = Collections.unmodifiableMap(new TreeMap<>(servers));
    }

    static Path path(Map<String, String> env) {
        return XdgDirs.config(env).resolve("attic").resolve("config.toml");
    }

    static ClientConfig load(Path file) {
        if (!Files.exists(file)) {
            return new ClientConfig(Optional.empty(), Map.of());
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, ServerConfig> servers = new TreeMap<>();
        JsonNode tables = root.path("servers");
        for (Iterator<Map.Entry<String, JsonNode>> it = tables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> server = it.next();
            JsonNode endpoint = server.getValue().get("endpoint");
            if (endpoint == null || !endpoint.isTextual()) {
                throw new BadInputException(ErrorCode.BAD_REQUEST, file + ": [servers." + server.getKey() + "] has no endpoint");
            }
            JsonNode token = server.getValue().get("token");
            servers.put(server.getKey(), ServerConfig.of(endpoint.asText(), token == null ? null : token.asText()));
        }
        JsonNode defaultServer = root.get("default-server");
        return new ClientConfig(Optional.ofNullable(defaultServer).map(JsonNode::asText), servers);
    }

    ClientConfig withServer(String name, ServerConfig server, boolean makeDefault) {
        Map<String, ServerConfig> copy = new TreeMap<>(servers);
        copy.put(name, server);
        boolean first = defaultServer.isEmpty() || !servers.containsKey(defaultServer.get());
        return new ClientConfig(makeDefault || first ? Optional.of(name) : defaultServer, copy);
    }

    /** The server a cache reference means, with its name. */
    Map.Entry<String, ServerConfig> resolve(CacheRef ref) {
        String name = ref.server().or(() -> defaultServer).orElseThrow(() -> new BadInputException(ErrorCode.BAD_REQUEST,
                servers.isEmpty()
                        ? "no server is configured: run 'attic login NAME URL TOKEN' first"
                        : "no default server: name one as SERVER:" + ref.cache() + " (known: " + String.join(", ", servers.keySet())
                                + "), or run 'attic login NAME URL --set-default'"));
        ServerConfig server = servers.get(name);
        if (server == null) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "no server named '" + name + "' is configured"
                    + (servers.isEmpty() ? "" : " (known: " + String.join(", ", servers.keySet()) + ")")
                    + ": run 'attic login " + name + " URL TOKEN'");
        }
        return Map.entry(name, server);
    }

    /** Writes the file atomically, readable by its owner only (it holds tokens). */
    void save(Path file) {
        StringBuilder toml = new StringBuilder();
        defaultServer.ifPresent(d -> toml.append("default-server = ").append(TomlText.string(d)).append("\n"));
        servers.forEach((name, server) -> {
            toml.append("\n[servers.").append(TomlText.key(name)).append("]\n");
            toml.append("endpoint = ").append(TomlText.string(server.endpoint().toString())).append("\n");
            server.token().ifPresent(t -> toml.append("token = ").append(TomlText.string(t)).append("\n"));
        });
        TextFiles.writePrivate(file, toml.toString());
    }
}
