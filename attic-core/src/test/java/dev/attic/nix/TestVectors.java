package dev.attic.nix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The vectors a real Nix made, found through the {@code attic.vectors} system property. */
public final class TestVectors {
    private TestVectors() {}

    /** The vectors directory; fails the test when the property or the directory is missing. */
    public static Path dir() {
        String property = System.getProperty("attic.vectors");
        assertTrue(property != null, "system property attic.vectors is not set (surefire sets it)");
        Path dir = Path.of(property);
        assertTrue(Files.isDirectory(dir), "vectors directory " + dir + " does not exist");
        return dir;
    }

    public static Path file(String relative) {
        return dir().resolve(relative);
    }

    public static String read(String relative) {
        try {
            return Files.readString(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a tab-separated file, without its header when it has one named {@code header}. */
    public static List<String[]> tsv(String relative, boolean hasHeader) {
        List<String> lines = read(relative).lines().filter(l -> !l.isEmpty()).toList();
        return lines.stream().skip(hasHeader ? 1 : 0).map(l -> l.split("\t", -1)).toList();
    }

    /** The files in a vectors sub-directory whose names end with {@code suffix}, sorted. */
    public static List<Path> files(String relativeDir, String suffix) {
        try (Stream<Path> list = Files.list(file(relativeDir))) {
            List<Path> found = list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
            assertTrue(!found.isEmpty(), "no " + suffix + " files in " + relativeDir);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
