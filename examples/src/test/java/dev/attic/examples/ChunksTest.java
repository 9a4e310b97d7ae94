package dev.attic.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.chunking.Chunk;
import dev.attic.chunking.ChunkerProperties;
import dev.attic.chunking.ChunkingSettings;
import dev.attic.chunking.FastCdc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunksTest {

    private static final Path VECTORS = Path.of(System.getProperty("attic.vectors"), "chunking");

    record Result(int status, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Chunks.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsOffsetLengthAndSha256OfEachChunkAsTheChunkerApiCutsIt(@TempDir Path dir) throws IOException {
        byte[] bytes = new byte[2_000_000];
        new SplittableRandom(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("some.nar"), bytes);

        Result result = run(file.toString());

        assertEquals(0, result.status(), result.err());
        List<String> expected = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Chunk chunk : ChunkerProperties.chunks(FastCdc.of(ChunkingSettings.DEFAULT), in)) {
                expected.add(chunk.offset() + "\t" + chunk.length() + "\t" + chunk.sha256());
            }
        }
        assertTrue(expected.size() > 10, "2 MB of random bytes make more than 10 chunks of at most 256 KiB");
        assertEquals(expected, result.lines());
        result.lines().forEach(line -> assertTrue(line.matches("\\d+\t\\d+\t[0-9a-f]{64}"), line));
    }

    @Test
    void cutsWhereUpstreamAtticDoesWithTheSizesGiven() throws Exception {
        Path file = VECTORS.resolve("random-3MiB.bin");
        byte[] bytes = Files.readAllBytes(file);

        Result result = run("--min", "4K", file.toString(), "--avg=16384", "--max", "64k");

        assertEquals(0, result.status(), result.err());
        List<String> expected = new ArrayList<>();
        for (String cut : Files.readAllLines(VECTORS.resolve("random-3MiB.ronomon-4096-16384-65536.tsv"))) {
            String[] fields = cut.split("\t");
            int offset = Integer.parseInt(fields[0]);
            int length = Integer.parseInt(fields[1]);
            expected.add(cut + "\t" + sha256Hex(bytes, offset, length));
        }
        assertEquals(expected, result.lines());
    }

    @Test
    void estimatesTheBytesAnEditedFileAddsFromUpstreamCutPoints() throws Exception {
        Path old = VECTORS.resolve("random-3MiB.bin");
        Path edited = VECTORS.resolve("random-3MiB-edited.bin");
        // Independently of the chunker: the vectors' cut points and a plain SHA-256.
        Set<String> stored = new HashSet<>();
        byte[] oldBytes = Files.readAllBytes(old);
        for (int[] cut : cuts("random-3MiB.ronomon-16384-65536-262144.tsv")) {
            stored.add(sha256Hex(oldBytes, cut[0], cut[1]));
        }
        byte[] editedBytes = Files.readAllBytes(edited);
        long added = 0;
        int addedChunks = 0;
        List<int[]> editedCuts = cuts("random-3MiB-edited.ronomon-16384-65536-262144.tsv");
        for (int[] cut : editedCuts) {
            if (stored.add(sha256Hex(editedBytes, cut[0], cut[1]))) {
                added += cut[1];
                addedChunks++;
            }
        }

        Result result = run(old.toString(), edited.toString());

        assertEquals(0, result.status(), result.err());
        Matcher m = Pattern.compile("(.+) adds (\\d+) of its (\\d+) bytes \\(([0-9.]+)%\\): (\\d+) of its (\\d+) chunks"
                + " are not in (.+)\n").matcher(result.out());
        assertTrue(m.matches(), result.out());
        assertEquals(edited.toString(), m.group(1));
        assertEquals(added, Long.parseLong(m.group(2)));
        assertEquals(editedBytes.length, Long.parseLong(m.group(3)));
        assertEquals(addedChunks, Integer.parseInt(m.group(5)));
        assertEquals(editedCuts.size(), Integer.parseInt(m.group(6)));
        assertEquals(old.toString(), m.group(7));
        // Two small edits (5 bytes, then 64 KiB of zeros) cost a few chunks, not the whole file.
        assertTrue(added > 65_536 && added < editedBytes.length / 4, "added " + added);
    }

    @Test
    void printsTheUsageOnHelp() {
        Result result = run("--help");

        assertEquals(0, result.status());
        assertTrue(result.out().startsWith("usage: chunks FILE"), result.out());
    }

    @Test
    void rejectsACommandLineWithoutFilesWithTheUsage() {
        Result result = run();

        assertEquals(2, result.status());
        assertTrue(result.err().startsWith("chunks: expected one or two files, got 0\nusage: chunks FILE"), result.err());
    }

    @Test
    void rejectsThreeFiles() {
        assertEquals("chunks: expected one or two files, got 3", firstLine(run("a", "b", "c").err()));
    }

    @Test
    void rejectsAnUnknownOptionAnOptionWithoutValueAndANonNumericSize() {
        assertEquals("chunks: unknown option --window", firstLine(run("f", "--window", "64").err()));
        assertEquals("chunks: option --max needs a size", firstLine(run("f", "--max").err()));
        assertEquals("chunks: --min expects a size in bytes, or with a K or M suffix, got '16KB'",
                firstLine(run("f", "--min", "16KB").err()));
        assertEquals("chunks: --max 4096M is out of range", firstLine(run("f", "--max", "4096M").err()));
    }

    @Test
    void rejectsSizesOutsideUpstreamBoundsNamingTheSetting() {
        Result result = run("f", "--min", "10");

        assertEquals(2, result.status());
        assertEquals("chunks: invalid chunking settings: min-size must be in [64, 67108864], got 10",
                firstLine(result.err()));
    }

    @Test
    void reportsAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.nar");

        Result result = run(missing.toString());

        assertEquals(1, result.status());
        assertEquals("chunks: no such file: " + missing, firstLine(result.err()));
        assertEquals("", result.out());
    }

    private static String firstLine(String text) {
        return text.split("\n", 2)[0];
    }

    private static List<int[]> cuts(String tsv) throws IOException {
        List<int[]> cuts = new ArrayList<>();
        for (String line : Files.readAllLines(VECTORS.resolve(tsv))) {
            String[] fields = line.split("\t");
            cuts.add(new int[] {Integer.parseInt(fields[0]), Integer.parseInt(fields[1])});
        }
        return cuts;
    }

    private static String sha256Hex(byte[] bytes, int offset, int length) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(bytes, offset, length);
        return HexFormat.of().formatHex(sha256.digest());
    }
}
