package dev.attic.examples.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code attic} in-process with a home directory of its own and captures what it prints. */
final class ClientRun {
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();

    ClientRun(Path home) {
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("ATTIC_RETRY_BASE_MS", "200");
        String path = System.getenv("PATH");
        if (path != null) {
            env.put("PATH", path);
        }
    }

    Path configHome() {
        return Path.of(env.get("XDG_CONFIG_HOME"));
    }

    Result attic(String... args) {
        return withStdin("", args);
    }

    Result withStdin(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false, args);
    }

    Result run(InputStream in, boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = Attic.run(args, in, outStream, errStream, env, terminal);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
