package dev.attic.examples.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed values out of a parsed TOML tree, each key first from its environment override,
 * and remembers what it read, so that {@link #rejectUnread()} can refuse any key (or
 * {@code ATTICD_*} variable) nobody asked for: a misspelt key is an error, never silently ignored.
 *
 * <p>The generic override of {@code section.sub-key} is {@code ATTICD_SECTION_SUB_KEY}: the
 * dotted path upper-cased with dots and dashes turned into underscores.
 */
final class ConfigReader {
    static final String ENV_PREFIX = "ATTICD_";

    private final ObjectNode root;
    private final Map<String, String> env;
    private final String source;
    private final Set<String> read = new HashSet<>();
    private final Set<String> envRead = new HashSet<>();
    private final Map<String, String> upstreamEnv;

    ConfigReader(ObjectNode root, Map<String, String> env, String source, Map<String, String> upstreamEnv) {
        this.root = root;
        this.env = env;
        this.source = source;
        this.upstreamEnv = upstreamEnv;
    }

    static String envName(String path) {
        return ENV_PREFIX + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The raw text of a key: its environment override, else the file's value as text. */
    Optional<String> text(String path) {
        read.add(path);
        String generic = envName(path);
        envRead.add(generic);
        if (env.containsKey(generic)) {
            return Optional.of(env.get(generic));
        }
        JsonNode node = node(path);
        if (node == null) {
            // upstream's variables only stand in for a key the file lacks, as upstream reads them
            String upstream = upstreamEnv.get(path);
            return upstream == null ? Optional.empty() : nonEmpty(upstream);
        }
        if (node.isContainerNode()) {
            throw bad(path, "is a " + (node.isArray() ? "list" : "table") + "; a single value is expected");
        }
        return Optional.of(node.asText());
    }

    /** An environment variable's value, unless it is unset or empty. */
    Optional<String> nonEmpty(String variable) {
        String value = env.get(variable);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Whether the file (not the environment) has this key. */
    boolean inFile(String path) {
        return node(path) != null;
    }

    Optional<String> string(String path) {
        JsonNode node = node(path);
        if (node != null && !node.isTextual() && !node.isContainerNode() && !env.containsKey(envName(path))) {
            read.add(path);
            throw bad(path, "must be a string (in quotes), got " + node);
        }
        return text(path);
    }

    Optional<Long> integer(String path, long min, long max) {
        Optional<String> t = text(path);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        long value;
        try {
            value = Long.parseLong(t.get().strip());
        } catch (NumberFormatException e) {
            throw bad(path, "must be a whole number, got \"" + t.get() + "\"");
        }
        if (value < min || value > max) {
            throw bad(path, "must be between " + min + " and " + max + ", got " + value);
        }
        return Optional.of(value);
    }

    Optional<Boolean> bool(String path) {
        return text(path).map(t -> switch (t.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(path, "must be true or false, got \"" + t + "\"");
        });
    }

    Optional<Duration> duration(String path) {
        return text(path).map(t -> HumanDuration.parse(t, key(path)));
    }

    /** A list of strings; an environment override is comma-separated. */
    Optional<List<String>> list(String path) {
        read.add(path);
        String generic = envName(path);
        envRead.add(generic);
        if (env.containsKey(generic)) {
            List<String> items = new ArrayList<>();
            for (String item : env.get(generic).split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
            return Optional.of(List.copyOf(items));
        }
        JsonNode node = node(path);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw bad(path, "must be a list of strings, e.g. [\"a\", \"b\"]");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw bad(path, "must be a list of strings, got " + item);
            }
            items.add(item.asText());
        }
        return Optional.of(List.copyOf(items));
    }

    /** Fails if the file sets an upstream key this server does not support, saying why. */
    void rejectUnsupported(String path, String why) {
        read.add(path);
        if (node(path) != null) {
            throw bad(path, "is not supported by this server: " + why);
        }
    }

    /** Fails naming every key of the file and every ATTICD_ variable that was not read. */
    void rejectUnread() {
        Set<String> unknown = new TreeSet<>();
        collect(root, "", unknown);
        if (!unknown.isEmpty()) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, source + ": unknown key" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (check the spelling; see docs/atticd.md for every key)");
        }
        Set<String> unknownEnv = new TreeSet<>();
        for (String name : env.keySet()) {
            if (name.startsWith(ENV_PREFIX) && !envRead.contains(name)) {
                unknownEnv.add(name);
            }
        }
        if (!unknownEnv.isEmpty()) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "unknown environment override"
                    + (unknownEnv.size() > 1 ? "s " : " ") + String.join(", ", unknownEnv)
                    + " (ATTICD_<SECTION>_<KEY>, e.g. ATTICD_DATABASE_URL)");
        }
    }

    BadInputException bad(String path, String why) {
        String where = env.containsKey(envName(path)) ? " (from " + envName(path) + ")" : "";
        return new BadInputException(ErrorCode.BAD_REQUEST, key(path) + where + " " + why);
    }

    /** A key as a reader of the file sees it: {@code [storage] path}. */
    static String key(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : "[" + path.substring(0, dot) + "] " + path.substring(dot + 1);
    }

    private void collect(JsonNode node, String prefix, Set<String> unknown) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (read.contains(path)) {
                continue;
            }
            if (field.getValue().isObject() && read.stream().anyMatch(r -> r.startsWith(path + "."))) {
                collect(field.getValue(), path, unknown);
            } else {
                unknown.add(key(path));
            }
        }
    }

    private JsonNode node(String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(part);
        }
        return node;
    }
}
