package dev.attic.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.attic.examples.admin.Atticadm;
import dev.attic.examples.client.Attic;
import dev.attic.examples.server.AtticServer;
import dev.attic.examples.server.Atticd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's five-minute tour, step by step as written there: start atticd on the embedded
 * default, make a token with atticadm, log in and create a public cache with attic, build a path and
 * push it, substitute it with a plain nix trusting only the cache's key, then `attic use`. Needs the
 * real nix (skipped without it locally, failing under CI=true).
 */
class TourTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    @Test
    void theReadmeTourWorksAsWritten() throws Exception {
        requireNix();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", dir.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("home/.config").toString());
        env.put("XDG_DATA_HOME", dir.resolve("home/.local/share").toString());

        // Command 1: atticd on the embedded default (a free port instead of 8080)
        ByteArrayOutputStream serverOut = new ByteArrayOutputStream();
        Atticd.Launch launch = Atticd.launch(new String[] {"--listen", "127.0.0.1:0"}, env,
                new PrintStream(serverOut, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, launch.exitStatus(), serverOut.toString(StandardCharsets.UTF_8));
        try (AtticServer server = launch.server().orElseThrow()) {
            String printed = serverOut.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("token"), "the first start prints a root token: " + printed);
            String url = server.uri().toString();

            // 1. a token for caches named demo*
            Run token = atticadm(env, "make-token", "--sub", "me", "--validity", "30d",
                    "--create-cache", "demo*", "--push", "demo*", "--pull", "demo*");
            assertEquals(0, token.code(), token.toString());
            String jwt = token.out().strip();

            // 2. log in, make a public cache
            assertEquals(0, attic(env, "login", "local", url, jwt).code());
            Run created = attic(env, "cache", "create", "demo", "--public");
            assertEquals(0, created.code(), created.toString());

            // 3. build something and push its closure
            String out = nix(env, "nix-build", "--no-out-link", "--option", "sandbox", "false", "-E",
                    "derivation { name = \"tour\"; system = builtins.currentSystem; builder = \"/bin/sh\";"
                            + " args = [ \"-c\" \"echo hello from attic " + UUID.randomUUID() + " > $out\" ]; }").strip();
            Run pushed = attic(env, "push", "demo", out);
            assertEquals(0, pushed.code(), pushed.toString());

            // 4. substitute it with a plain nix, trusting nothing but the cache's key
            Run info = attic(env, "cache", "info", "demo");
            String key = info.out().lines().filter(l -> l.strip().startsWith("Public Key: "))
                    .map(l -> l.strip().substring("Public Key: ".length())).findFirst().orElseThrow(() -> new AssertionError(info));
            Path store = dir.resolve("tour-store");
            nix(env, "nix", "copy", "--extra-experimental-features", "nix-command", "--from", url + "demo",
                    "--to", store.toString(), "--option", "trusted-public-keys", key, out);
            assertEquals(nix(env, "nix-store", "-q", "--hash", out).strip(),
                    nix(env, "nix-store", "--store", store.toString(), "-q", "--hash", out).strip(),
                    "the substituted path is the pushed one");

            // 5. attic use writes the substituter and key into nix.conf
            assertEquals(0, attic(env, "use", "demo").code());
            String nixConf = Files.readString(Path.of(env.get("XDG_CONFIG_HOME"), "nix", "nix.conf"));
            assertTrue(nixConf.contains(url + "demo") && nixConf.contains(key), nixConf);
        }
    }

    private static Run attic(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Attic.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run atticadm(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Atticadm.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String nix(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(command));
        builder.environment().putAll(env);
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("nix-cache").toString());
        builder.environment().put("NIX_CONFIG", "substituters =\nbuild-users-group =\n");
        builder.environment().remove("NIX_REMOTE");
        Path errors = Files.createTempFile(dir, "nix", ".err");
        builder.redirectError(errors.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed:\n" + Files.readString(errors));
        }
        return out;
    }

    private static void requireNix() {
        String path = System.getenv("PATH");
        boolean present = path != null && List.of(path.split(":")).stream().anyMatch(d -> Files.isExecutable(Path.of(d, "nix-store")));
        if (!present) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but nix-store is not on the PATH: .ci/run must install nix");
            }
            Assumptions.abort("the README tour needs a real nix (nix-store on the PATH); skipped");
        }
    }
}
