package dev.attic.examples.client;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Nix on this machine, for the tests that push: the oracle's closure (built by
 * {@code nix-oracle.sh setup}), fresh paths built on demand, signatures. Absent Nix skips the tests
 * locally and fails them when {@code CI=true}.
 */
final class LocalNix {
    private static final String NIX_CONFIG = """
            experimental-features = nix-command
            substituters =
            sandbox = false
            build-users-group =
            """;

    private LocalNix() {}

    static void require() {
        boolean present = System.getenv("PATH") != null && List.of(System.getenv("PATH").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "nix-store")));
        if (!present) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but nix-store is not on the PATH: .ci/run must install nix (nix-oracle.sh setup)");
            }
            Assumptions.abort("pushing needs a real Nix (nix-store on the PATH, e.g. via ../shared/tools/nix-oracle.sh setup); skipped");
        }
    }

    /** The oracle's top path, whose closure has 5 paths; built by {@code nix-oracle.sh setup}. */
    static String oracleTop() throws IOException {
        Path top = Path.of(System.getenv().getOrDefault("NIX_ORACLE_DIR", "/tmp/nix-oracle"), "top.txt");
        if (!Files.exists(top)) {
            fail("no " + top + ": run 'bash ../shared/tools/nix-oracle.sh setup' first (.ci/run does)");
        }
        String path = Files.readString(top).strip();
        if (!Files.exists(Path.of(path))) {
            fail(path + " (from " + top + ") is not in the store: run 'bash ../shared/tools/nix-oracle.sh setup' again");
        }
        return path;
    }

    /** Builds a new store path (a file holding a random string) and returns it; nothing else has it. */
    static String buildUniquePath(String name) throws Exception {
        String unique = UUID.randomUUID().toString();
        String expr = "builtins.derivation { name = \"" + name + "\"; system = builtins.currentSystem; builder = \"/bin/sh\";"
                + " args = [\"-c\" \"echo " + unique + " > $out\"]; }";
        return run("nix-build", "--no-out-link", "-E", expr).strip();
    }

    /** Signs {@code path} in the local store with a new key named {@code keyName}. */
    static void sign(String path, String keyName, Path dir) throws Exception {
        Path key = dir.resolve(keyName + ".sec");
        Files.writeString(key, run("nix", "key", "generate-secret", "--key-name", keyName));
        run("nix", "store", "sign", "--key-file", key.toString(), path);
    }

    /** The hashes of the closure of {@code path}. */
    static List<String> closureHashes(String path) throws Exception {
        List<String> hashes = new ArrayList<>();
        for (String line : run("nix-store", "--query", "--requisites", path).split("\n")) {
            if (!line.isBlank()) {
                hashes.add(Path.of(line.strip()).getFileName().toString().substring(0, 32));
            }
        }
        return hashes;
    }

    static String run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        Map<String, String> env = builder.environment();
        env.put("NIX_CONFIG", NIX_CONFIG);
        env.remove("NIX_REMOTE");
        Path errors = Files.createTempFile("local-nix", ".err");
        builder.redirectError(errors.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + Files.readString(errors));
        }
        Files.deleteIfExists(errors);
        return out;
    }
}
