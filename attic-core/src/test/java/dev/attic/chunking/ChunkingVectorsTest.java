package dev.attic.chunking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cut points upstream Attic's chunker (Rust fastcdc 4.0.1, ronomon) made for two inputs and
 * three settings, in {@code vectors/chunking/}: FastCdc must reproduce every one of them exactly,
 * however the input stream splits its reads.
 */
class ChunkingVectorsTest {

    private static final Pattern NAME = Pattern.compile("(.+)\\.ronomon-(\\d+)-(\\d+)-(\\d+)\\.tsv");

    record Vector(String name, Path input, int min, int avg, int max, List<String> cuts) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Vector> vectors() throws IOException {
        Path dir = Path.of(System.getProperty("attic.vectors"), "chunking");
        List<Vector> vectors = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path tsv : files.sorted().toList()) {
                Matcher m = NAME.matcher(tsv.getFileName().toString());
                if (m.matches()) {
                    vectors.add(new Vector(tsv.getFileName().toString(), dir.resolve(m.group(1) + ".bin"),
                            Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(4)),
                            Files.readAllLines(tsv, StandardCharsets.US_ASCII)));
                }
            }
        }
        assertEquals(6, vectors.size(), "expected six cut-point vectors in " + dir);
        return vectors.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void cutsTheWholeInputWhereUpstreamAtticDoes(Vector vector) throws IOException {
        byte[] input = Files.readAllBytes(vector.input());
        FastCdc chunker = FastCdc.withSizes(vector.min(), vector.avg(), vector.max());

        assertEquals(vector.cuts(), cuts(chunker, new ByteArrayInputStream(input)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void cutsTheInputReadInRandomSmallPiecesWhereUpstreamAtticDoes(Vector vector) throws IOException {
        byte[] input = Files.readAllBytes(vector.input());
        FastCdc chunker = FastCdc.withSizes(vector.min(), vector.avg(), vector.max());

        for (long seed = 1; seed <= 3; seed++) {
            List<String> cuts = cuts(chunker, new PiecewiseInputStream(input, seed, 1 + 4000 * (int) seed));
            assertEquals(vector.cuts(), cuts, "reads of random sizes, seed " + seed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void cutsTheInputFromAFileStreamWhereUpstreamAtticDoes(Vector vector) throws IOException {
        FastCdc chunker = FastCdc.withSizes(vector.min(), vector.avg(), vector.max());

        try (InputStream in = Files.newInputStream(vector.input())) {
            assertEquals(vector.cuts(), cuts(chunker, in));
        }
    }

    private static List<String> cuts(Chunker chunker, InputStream in) throws IOException {
        List<String> cuts = new ArrayList<>();
        ChunkReader chunks = chunker.split(in);
        while (chunks.next()) {
            cuts.add(chunks.offset() + "\t" + chunks.length());
        }
        return cuts;
    }
}
