package dev.attic.examples.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's {@code nix.conf}, edited line by line: the setting asked for is changed in place (or
 * appended), every other line, comment and blank is kept as it was. As upstream Attic, a new cache
 * goes first in {@code substituters} and {@code trusted-public-keys}, and a list that did not exist
 * yet keeps cache.nixos.org after it (the user's setting replaces the system's).
 */
final class NixConf {
    static final String CACHE_NIXOS_ORG = "https://cache.nixos.org";
    static final String CACHE_NIXOS_ORG_KEY = "cache.nixos.org-1:6NCHdD59X431o0gWypbMrAURkbJ16ZPMQFGspcDShjY=";

    /** {@code key = value # comment}; the value never contains {@code #}. */
    private static final Pattern SETTING = Pattern.compile("^(\\s*)(\\S+)(\\s*=\\s*)([^#]*?)(\\s*(#.*)?)$");

    private final List<String> lines;

    private NixConf(List<String> lines) {
        this.lines = lines;
    }

    static Path path(Map<String, String> env) {
        return XdgDirs.config(env).resolve("nix").resolve("nix.conf");
    }

    static NixConf parse(String text) {
        List<String> lines = new ArrayList<>(text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return new NixConf(lines);
    }

    static NixConf load(Path file) {
        return parse(TextFiles.read(file).orElse(""));
    }

    /** Puts {@code value} first in the list {@code key} unless it is already there; a new list ends with {@code tail}. */
    NixConf addToList(String key, String value, String tail) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SETTING.matcher(lines.get(i));
            if (m.matches() && m.group(2).equals(key)) {
                List<String> items = Arrays.stream(m.group(4).trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
                if (!items.contains(value)) {
                    String list = m.group(4).isBlank() ? value : value + " " + m.group(4).trim();
                    lines.set(i, m.group(1) + m.group(2) + m.group(3) + list + m.group(5));
                }
                return this;
            }
        }
        lines.add(key + " = " + (value.equals(tail) ? value : value + " " + tail));
        return this;
    }

    /** Sets {@code key} to {@code value}, in place if it is set already. */
    NixConf set(String key, String value) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SETTING.matcher(lines.get(i));
            if (m.matches() && m.group(2).equals(key)) {
                lines.set(i, m.group(1) + m.group(2) + m.group(3) + value + m.group(5));
                return this;
            }
        }
        lines.add(key + " = " + value);
        return this;
    }

    void save(Path file) {
        if (Files.isSymbolicLink(file)) {
            throw new ClientException(file + " is a symbolic link (managed by home-manager or NixOS?): not editing it;"
                    + " add these lines to its source yourself:\n" + text());
        }
        TextFiles.writePrivate(file, text());
    }

    String text() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
