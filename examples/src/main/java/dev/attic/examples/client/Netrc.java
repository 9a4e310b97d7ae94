package dev.attic.examples.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The netrc file Nix sends credentials from ({@code ~/.config/nix/netrc}): one {@code machine HOST
 * password TOKEN} line per server, which Nix sends as Basic authentication. The entry for a host is
 * replaced in place; every other line is kept.
 */
final class Netrc {
    private final List<String> lines;

    private Netrc(List<String> lines) {
        this.lines = lines;
    }

    static Path path(Map<String, String> env) {
        return XdgDirs.config(env).resolve("nix").resolve("netrc");
    }

    static Netrc load(Path file) {
        String text = TextFiles.read(file).orElse("");
        List<String> lines = new ArrayList<>(text.isEmpty() ? List.of() : List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return new Netrc(lines);
    }

    /** Sets the password of {@code host}; a single-line entry for the host is replaced, else one is appended. */
    Netrc setPassword(String host, String password) {
        String entry = "machine " + host + " password " + password;
        for (int i = 0; i < lines.size(); i++) {
            String[] words = lines.get(i).trim().split("\\s+");
            if (words.length >= 2 && words[0].equals("machine") && words[1].equals(host)) {
                lines.set(i, entry);
                return this;
            }
        }
        lines.add(entry);
        return this;
    }

    void save(Path file) {
        if (Files.isSymbolicLink(file)) {
            throw new ClientException(file + " is a symbolic link: not editing it; add this line yourself: machine ... password <token>");
        }
        TextFiles.writePrivate(file, text());
    }

    String text() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
