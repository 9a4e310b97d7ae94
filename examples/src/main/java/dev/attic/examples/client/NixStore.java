package dev.attic.examples.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local Nix store, through the {@code nix} commands on the PATH (any Nix from 2.4): path
 * information and closures from {@code nix path-info --json}, NARs streamed from
 * {@code nix-store --dump}, validity from {@code nix-store --check-validity}.
 */
final class NixStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long QUERY_TIMEOUT_MINUTES = 10;

    /** Path information for {@code paths} and, unless {@code closure} is false, everything they reference. */
    List<PathInfo> pathInfos(List<String> paths, boolean closure) {
        if (paths.isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of("nix", "--extra-experimental-features", "nix-command", "path-info", "--json"));
        if (closure) {
            command.add("--recursive");
        }
        command.add("--");
        command.addAll(paths);
        return run(command, out -> {
            List<PathInfo> infos = new ArrayList<>();
            JsonNode array = JSON.readTree(out);
            if (array == null || !array.isArray()) {
                throw new ClientException("nix path-info did not print a JSON array");
            }
            for (JsonNode o : array) {
                if (!o.path("valid").asBoolean(true)) {
                    throw new ClientException(o.path("path").asText() + " is not a valid store path");
                }
                infos.add(new PathInfo(o.path("path").asText(), o.path("narHash").asText(), o.path("narSize").asLong(),
                        strings(o.path("references")), text(o, "deriver"), strings(o.path("signatures")), text(o, "ca")));
            }
            return infos;
        });
    }

    /** The paths among {@code paths} that are valid (registered, complete) now. */
    List<String> valid(List<String> paths) {
        if (paths.isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of("nix-store", "--check-validity", "--print-invalid", "--"));
        command.addAll(paths);
        List<String> invalid = run(command, out -> new String(out.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        return paths.stream().filter(p -> !invalid.contains(p)).toList();
    }

    /** Starts {@code nix-store --dump path}: the NAR of a path, streamed, never held in memory. */
    Dump dump(String path) {
        Path errors = errorFile();
        return new Dump(start(List.of("nix-store", "--dump", "--", path), errors), errors);
    }

    /** A running {@code nix-store --dump}; closing it ends the process. */
    static final class Dump implements AutoCloseable {
        private final Process process;
        private final Path errors;

        private Dump(Process process, Path errors) {
            this.process = process;
            this.errors = errors;
        }

        InputStream stream() {
            return process.getInputStream();
        }

        /** Why the dump failed, if it did: its exit code and message (waits up to a few seconds for it to end). */
        Optional<String> failure() {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() == 0) {
                    return Optional.empty();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            return Optional.of(failed(List.of("nix-store", "--dump"), process.exitValue(), errors).getMessage());
        }

        @Override
        public void close() {
            try {
                process.getInputStream().close();
            } catch (IOException e) {
                // the pipe is gone already
            }
            process.destroy();
            delete(errors);
        }
    }

    private interface Output<T> {
        T read(InputStream out) throws IOException;
    }

    private <T> T run(List<String> command, Output<T> reader) {
        Path errors = errorFile();
        Process process = start(command, errors);
        try {
            T result;
            try (InputStream out = process.getInputStream()) {
                result = reader.read(out);
            } catch (IOException e) {
                process.destroyForcibly();
                if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() != 0) {
                    throw failed(command, process.exitValue(), errors);
                }
                throw new ClientException("cannot read the output of " + command.get(0) + ": " + e.getMessage(), e);
            } catch (ClientException e) {
                // output we cannot use: most likely the command failed and says why on stderr
                if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() != 0) {
                    throw failed(command, process.exitValue(), errors);
                }
                process.destroyForcibly();
                throw e;
            }
            if (!process.waitFor(QUERY_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new ClientException(String.join(" ", command.subList(0, Math.min(4, command.size()))) + " did not finish in "
                        + QUERY_TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                throw failed(command, process.exitValue(), errors);
            }
            return result;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while running " + command.get(0));
        } finally {
            delete(errors);
        }
    }

    private static ClientException failed(List<String> command, int exit, Path errors) {
        String stderr;
        try {
            stderr = Files.readString(errors, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            stderr = "";
        }
        String what = command.get(0).equals("nix") ? "nix " + command.get(3) : command.get(0) + " " + command.get(1);
        return new ClientException(what + " failed (exit " + exit + ")" + (stderr.isEmpty() ? "" : ": " + stderr));
    }

    private static Process start(List<String> command, Path errors) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.redirectError(ProcessBuilder.Redirect.to(errors.toFile()));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new ClientException("cannot run " + command.get(0) + " (is Nix installed and on the PATH?): " + e.getMessage(), e);
        }
    }

    private static Path errorFile() {
        try {
            return Files.createTempFile("attic-nix", ".err");
        } catch (IOException e) {
            throw new ClientException("cannot create a temporary file: " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover empty file in the temporary directory; nothing to do
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Optional<String> text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }
}
