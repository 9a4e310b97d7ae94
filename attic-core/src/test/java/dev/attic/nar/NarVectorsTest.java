package dev.attic.nar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The NAR reader and writer against the NARs a real Nix made (vectors/nar, see its README). */
class NarVectorsTest {

    /** One line of SHA256SUMS.tsv. */
    record Vector(String file, String nixHash, String sha256Hex, long size) {
        String treeName() {
            return file.substring(0, file.length() - ".nar".length());
        }

        @Override
        public String toString() {
            return file;
        }
    }

    @TempDir
    static Path work;

    static Path vectors() {
        String dir = System.getProperty("attic.vectors");
        if (dir == null) {
            throw new IllegalStateException("system property attic.vectors is not set (surefire sets it)");
        }
        return Path.of(dir, "nar");
    }

    static Stream<Vector> vectorList() throws IOException {
        List<Vector> result = new ArrayList<>();
        for (String line : Files.readAllLines(vectors().resolve("SHA256SUMS.tsv"))) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            result.add(new Vector(f[0], f[1], f[2], Long.parseLong(f[3])));
        }
        return result.stream();
    }

    @BeforeAll
    static void extractTrees() throws IOException {
        TarTrees.extract(vectors().resolve("trees.tar"), work);
    }

    @Test
    void everyNarInTheVectorsIsListedInTheSums() throws IOException {
        List<String> listed = vectorList().map(Vector::file).sorted().toList();
        try (Stream<Path> files = Files.list(vectors())) {
            List<String> nars = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".nar")).sorted().toList();
            assertEquals(nars, listed);
        }
        assertEquals(6, listed.size());
    }

    @ParameterizedTest
    @MethodSource("vectorList")
    void dumpOfTheTreeEqualsTheNarNixWrote(Vector vector) throws IOException {
        Path dumped = work.resolve(vector.treeName() + ".dumped.nar");
        long size;
        try (OutputStream out = Files.newOutputStream(dumped)) {
            size = NarDump.dump(work.resolve("trees").resolve(vector.treeName()), out);
        }
        assertEquals(vector.size(), size);
        assertEquals(-1L, Files.mismatch(dumped, vectors().resolve(vector.file())),
                "first differing byte between our dump and Nix's " + vector.file());
    }

    @ParameterizedTest
    @MethodSource("vectorList")
    void readerAcceptsTheNarAndHashesItAsNixDid(Vector vector) throws IOException, GeneralSecurityException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(vectors().resolve(vector.file())), sha256)) {
            size = NarReader.read(in, new NarVisitor() {});
        }
        assertEquals(vector.size(), size);
        assertEquals(vector.sha256Hex(), HexFormat.of().formatHex(sha256.digest()));
    }

    @ParameterizedTest
    @MethodSource("vectorList")
    void validatorOnAStreamSomeoneElseConsumesSeesEveryByteOnce(Vector vector) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        NarValidator validator = new NarValidator();
        try (InputStream in = validator.inputStream(Files.newInputStream(vectors().resolve(vector.file())))) {
            byte[] buffer = new byte[1000]; // a consumer with its own odd buffer size
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sha256.update(buffer, 0, n);
            }
        }
        assertTrue(validator.isComplete());
        assertEquals(vector.size(), validator.size());
        assertEquals(vector.sha256Hex(), HexFormat.of().formatHex(sha256.digest()));

        NarValidator writing = new NarValidator();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (OutputStream out = writing.outputStream(copy)) {
            Files.copy(vectors().resolve(vector.file()), out);
        }
        assertTrue(writing.isComplete());
        assertArrayEquals(Files.readAllBytes(vectors().resolve(vector.file())), copy.toByteArray());
    }

    @Test
    void validatingInputStreamCountsSingleByteReadsAndSkips() throws IOException {
        byte[] nar = Files.readAllBytes(vectors().resolve("tree.nar"));
        NarValidator validator = new NarValidator();
        try (InputStream in = validator.inputStream(new java.io.ByteArrayInputStream(nar))) {
            for (int i = 0; i < 100; i++) {
                assertEquals(nar[i] & 0xff, in.read());
            }
            assertEquals(500_000, in.skip(500_000));
            assertEquals(nar.length - 500_100, in.readAllBytes().length);
            assertEquals(-1, in.read());
        }
        assertTrue(validator.isComplete());
        assertEquals(nar.length, validator.size());
    }

    @ParameterizedTest
    @MethodSource("vectorList")
    void declaredSizeIsEnforcedWhileReading(Vector vector) throws IOException {
        byte[] nar = Files.readAllBytes(vectors().resolve(vector.file()));
        NarValidator exact = new NarValidator(new NarVisitor() {}, vector.size());
        exact.update(nar, 0, nar.length);
        exact.finish();

        NarValidator tooSmall = new NarValidator(new NarVisitor() {}, vector.size() - 1);
        BadNarException e = assertThrows(BadNarException.class, () -> tooSmall.update(nar, 0, nar.length));
        assertTrue(e.expected().contains("within the NAR's declared size"), e.getMessage());
    }

    @Test
    void listingOfTreeNarMatchesTheTarredTree() throws IOException {
        List<NarEntry> listing;
        try (InputStream in = Files.newInputStream(vectors().resolve("tree.nar"))) {
            listing = NarReader.list(in);
        }
        // What trees.tar says (tar tvf), in NAR order: "B" < "_" < "a" < "bin" ... < "ü..." by bytes.
        List<NarEntry> expected = List.of(
                NarEntry.directory(""),
                NarEntry.regular("B", 1, false),
                NarEntry.regular("_", 1, false),
                NarEntry.regular("a", 1, false),
                NarEntry.directory("bin"),
                NarEntry.symlink("bin/readme-link", "../share/doc/README"),
                NarEntry.regular("bin/tool", 20, true),
                NarEntry.directory("empty-dir"),
                NarEntry.directory("share"),
                NarEntry.directory("share/doc"),
                NarEntry.regular("share/doc/README", 4, false),
                NarEntry.regular("share/random-1MiB-plus-7", 1_048_583, false),
                NarEntry.regular("ünïcödé.txt", 12, false));
        assertEquals(expected, listing);
    }

    @Test
    void largeFileContentsArriveInBoundedPiecesAndEqualTheAesKeystream() throws Exception {
        ByteArrayOutputStream random = new ByteArrayOutputStream();
        int[] largestPiece = {0};
        try (InputStream in = Files.newInputStream(vectors().resolve("tree.nar"))) {
            NarReader.read(in, new NarVisitor() {
                private boolean inRandom;

                @Override
                public void regularFile(String path, boolean executable, long size) {
                    inRandom = path.equals("share/random-1MiB-plus-7");
                }

                @Override
                public void contents(byte[] buffer, int offset, int length) {
                    largestPiece[0] = Math.max(largestPiece[0], length);
                    if (inRandom) {
                        random.write(buffer, offset, length);
                    }
                }
            });
        }
        Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f"), "AES"),
                new IvParameterSpec(new byte[16]));
        byte[] keystream = aes.doFinal(new byte[1_048_583]);
        assertArrayEquals(keystream, random.toByteArray());
        assertArrayEquals(keystream, Files.readAllBytes(work.resolve("trees/tree/share/random-1MiB-plus-7")));
        assertTrue(largestPiece[0] <= 64 * 1024, "largest piece " + largestPiece[0]);
    }

    @Test
    void treeWrittenNodeByNodeEqualsTheNarNixWrote() throws Exception {
        byte[] nix = Files.readAllBytes(vectors().resolve("exec.sh.nar"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NarWriter writer = new NarWriter(out);
        writer.regularFile(true, Files.readAllBytes(work.resolve("trees/exec.sh")));
        assertEquals(nix.length, writer.finish());
        assertArrayEquals(nix, out.toByteArray());
        assertFalse(Files.isSymbolicLink(work.resolve("trees/exec.sh")));
    }
}
