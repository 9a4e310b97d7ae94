package dev.attic.examples.client;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.nio.file.Path;
import java.util.Map;

/** The XDG base directories, from the environment the client was given (so tests can move them). */
final class XdgDirs {
    private XdgDirs() {}

    static Path config(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return home(env).resolve(".config");
    }

    static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        if (home == null || home.isBlank()) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "HOME is not set: cannot find the configuration directory");
        }
        return Path.of(home);
    }
}
