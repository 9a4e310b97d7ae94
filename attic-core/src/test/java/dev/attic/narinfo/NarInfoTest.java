package dev.attic.narinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.nix.Hash;
import dev.attic.nix.StorePath;
import dev.attic.nix.TestVectors;
import dev.attic.signing.Fingerprint;
import dev.attic.signing.PublicKey;
import dev.attic.signing.Signature;
import dev.attic.signing.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NarInfoTest {
    private static final String LEAF = """
            StorePath: /nix/store/bmf1fp8s932ml7z63f0414873aiz9mc5-oracle-leaf
            URL: nar/0vrzfgdfb6lv3rd2gws8kqm7jcdhbigajws02rgnbn2la6a82v7f.nar.xz
            Compression: xz
            FileHash: sha256:0vrzfgdfb6lv3rd2gws8kqm7jcdhbigajws02rgnbn2la6a82v7f
            FileSize: 136
            NarHash: sha256:01q6czwzsqwpkfp82cm87f8vkqxnmz3biw0g4rydm63hpi3ifppg
            NarSize: 128
            References:\s
            Deriver: 0yjhwwxnn909p8a1ah5b1zpmmi5qhg76-oracle-leaf.drv
            Sig: oracle-test-1:pK3hnGr3IPHZHQkhATnrDtA+RGLHPsLelqmDyjL/e1kq74P3EkOGaxLSOh7FhQxM6JMbLySg7I7XZIuEGlNBDw==
            """;

    private static List<Path> vectorNarInfos() {
        List<Path> all = new ArrayList<>(TestVectors.files("narinfo", ".narinfo"));
        all.addAll(TestVectors.files("binary-cache-zstd", ".narinfo"));
        assertTrue(all.size() >= 12, "expected the 7 + 5 vector narinfos, found " + all.size());
        return all;
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path);
    }

    @Test
    void rendersEveryVectorByteForByte() throws IOException {
        for (Path file : vectorNarInfos()) {
            String text = read(file);
            NarInfo info = NarInfo.parse(text);
            assertEquals(text, info.render(), file.toString());
            assertEquals(file.getFileName().toString(), info.storePath().hashPart() + ".narinfo");
        }
    }

    @Test
    void fingerprintsEveryVectorAsNixDoes() throws IOException {
        for (Path file : vectorNarInfos()) {
            String baseName = file.getFileName().toString().replace(".narinfo", ".fingerprint");
            String expected = read(TestVectors.file("narinfo/" + baseName));
            // The file ends with a LF that is not part of what Nix signs: the signatures verify without it.
            assertEquals(expected, NarInfo.parse(read(file)).fingerprint().value() + "\n", file.toString());
        }
    }

    @Test
    void everyVectorSignatureVerifiesAndOursIsIdentical() throws IOException {
        PublicKey trusted = PublicKey.parse(TestVectors.read("keys/oracle-test-1.pub"));
        SigningKey key = SigningKey.parse(TestVectors.read("keys/oracle-test-1.sec"));
        for (Path file : vectorNarInfos()) {
            NarInfo info = NarInfo.parse(read(file));
            assertEquals(1, info.signatures().size(), file.toString());
            Signature nixSignature = info.signatures().get(0);
            assertTrue(trusted.verify(info.fingerprint(), nixSignature), file.toString());
            assertTrue(info.isSignedByAny(List.of(trusted)), file.toString());
            assertEquals(nixSignature, key.sign(info.fingerprint()), "Ed25519 is deterministic: " + file);

            NarInfo unsigned = info.toBuilder().signatures(List.of()).build();
            assertFalse(unsigned.isSignedByAny(List.of(trusted)));
            assertEquals(read(file), unsigned.withSignature(key).render(), file.toString());
        }
    }

    @Test
    void aTamperedNarInfoOrAnotherKeyDoesNotVerify() throws IOException {
        PublicKey trusted = PublicKey.parse(TestVectors.read("keys/oracle-test-1.pub"));
        for (Path file : vectorNarInfos()) {
            NarInfo info = NarInfo.parse(read(file));
            NarInfo biggerNar = info.toBuilder().narSize(info.narSize() + 1).build();
            assertFalse(biggerNar.isSignedByAny(List.of(trusted)), "NarSize changed in " + file);
            NarInfo otherHash = info.toBuilder().narHash(Hash.sha256Of(new byte[] {1})).build();
            assertFalse(otherHash.isSignedByAny(List.of(trusted)), "NarHash changed in " + file);
            NarInfo fewerRefs = info.toBuilder().references(List.of(info.storePath())).build();
            if (!fewerRefs.references().equals(info.references())) {
                assertFalse(fewerRefs.isSignedByAny(List.of(trusted)), "References changed in " + file);
            }
            Fingerprint tampered = new Fingerprint(info.fingerprint().value()
                    .replace(info.storePath() + ";", info.storePath() + "x;"));
            assertFalse(trusted.verify(tampered, info.signatures().get(0)), "store path changed in " + file);

            SigningKey stranger = SigningKey.generate("oracle-test-1", new SecureRandom());
            NarInfo signedByStranger = info.toBuilder().signatures(List.of()).build().withSignature(stranger);
            assertFalse(signedByStranger.isSignedByAny(List.of(trusted)), "signed by another key: " + file);
            assertTrue(signedByStranger.isSignedByAny(List.of(trusted, stranger.publicKey())));
            assertFalse(info.isSignedByAny(List.of()), "no trusted keys");
        }
    }

    @Test
    void readsWhatNixLeavesImplicit() {
        String minimal = """
                StorePath: /nix/store/bmf1fp8s932ml7z63f0414873aiz9mc5-oracle-leaf
                URL: nar/x.nar
                NarHash: sha256:01q6czwzsqwpkfp82cm87f8vkqxnmz3biw0g4rydm63hpi3ifppg
                NarSize: 128
                Deriver: unknown-deriver
                """;
        NarInfo info = NarInfo.parse(minimal);
        assertEquals("bzip2", info.compression());
        assertEquals(List.of(), info.references());
        assertEquals(Optional.empty(), info.deriver());
        assertTrue(info.fileHash().isEmpty());
        assertTrue(info.fileSize().isEmpty());
        assertEquals("""
                StorePath: /nix/store/bmf1fp8s932ml7z63f0414873aiz9mc5-oracle-leaf
                URL: nar/x.nar
                Compression: bzip2
                NarHash: sha256:01q6czwzsqwpkfp82cm87f8vkqxnmz3biw0g4rydm63hpi3ifppg
                NarSize: 128
                References:\s
                """, info.render());
    }

    @Test
    void keepsUnknownFieldsAfterTheKnownOnes() {
        String withExtras = LEAF.replace("Compression: xz\n", "Compression: xz\nSystem: x86_64-linux\n") + "X-Attic: a: b\n";
        NarInfo info = NarInfo.parse(withExtras);
        assertEquals(List.of(new NarInfo.ExtraField("System", "x86_64-linux"), new NarInfo.ExtraField("X-Attic", "a: b")),
                info.extraFields());
        assertEquals(LEAF + "System: x86_64-linux\nX-Attic: a: b\n", info.render());
        assertEquals(info, NarInfo.parse(info.render()));
    }

    @Test
    void acceptsOtherHashSpellingsAndPrintsNixs() {
        NarInfo canonical = NarInfo.parse(LEAF);
        Hash narHash = canonical.narHash();
        NarInfo hex = NarInfo.parse(LEAF.replace(narHash.toString(), "sha256:" + narHash.toHex()));
        NarInfo sri = NarInfo.parse(LEAF.replace(narHash.toString(), narHash.toSri()));
        assertEquals(canonical, hex);
        assertEquals(LEAF, sri.render());
    }

    @Test
    void sortsAndDeduplicatesReferencesAndSignaturesAsNixDoes() {
        String top = "v64bzpb3xndsfd100pfjsqdgmjglr86y-oracle-top";
        String text = "2ab9s0ih703f3pqjqnql3b8hrm35c4vz-oracle-text";
        NarInfo info = NarInfo.parse(LEAF.replace("References: \n", "References: " + top + " " + text + " " + top + "\n"));
        assertEquals(List.of(text, top), info.references().stream().map(StorePath::baseName).toList());
        NarInfo twice = NarInfo.parse(info.render().replaceFirst("(Sig: [^\n]*\n)", "$1$1"));
        assertEquals(1, twice.signatures().size());
    }

    @Test
    void rejectsCarriageReturns() {
        BadInputException e = assertThrows(BadInputException.class, () -> NarInfo.parse(LEAF.replace("\n", "\r\n")));
        assertEquals(ErrorCode.INVALID_NAR_INFO, e.code());
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("CR"), e.getMessage());
        BadInputException onLine3 = assertThrows(BadInputException.class,
                () -> NarInfo.parse(LEAF.replace("Compression: xz\n", "Compression: xz\r\n")));
        assertTrue(onLine3.getMessage().contains("line 3"), onLine3.getMessage());
    }

    @Test
    void rejectsMissingRequiredFields() {
        for (String key : List.of("StorePath", "URL", "NarHash", "NarSize")) {
            String without = LEAF.replaceFirst(key + ": [^\n]*\n", "");
            BadInputException e = assertThrows(BadInputException.class, () -> NarInfo.parse(without), "without " + key);
            assertEquals(ErrorCode.INVALID_NAR_INFO, e.code());
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
    }

    @Test
    void rejectsRepeatedSingleValuedFields() {
        for (String line : LEAF.lines().filter(l -> !l.startsWith("Sig:")).toList()) {
            String repeated = LEAF + line + "\n";
            BadInputException e = assertThrows(BadInputException.class, () -> NarInfo.parse(repeated), "repeating " + line);
            assertTrue(e.getMessage().contains("line 11") && e.getMessage().contains("more than once"), e.getMessage());
        }
        NarInfo.parse(LEAF.replace("Sig: ", "Sig: other:" + "A".repeat(86) + "==\nSig: "));
    }

    @Test
    void rejectsMalformedLinesAndValuesWithTheirLineNumber() {
        record Case(String what, String text, int line) {}
        for (Case c : List.of(
                new Case("no LF at the end", LEAF.stripTrailing(), 10),
                new Case("blank line", LEAF.replace("Compression: xz\n", "Compression: xz\n\n"), 4),
                new Case("no space after the colon", LEAF.replace("URL: ", "URL:"), 2),
                new Case("bad store path", LEAF.replace("/nix/store/bmf1", "/nix/store/../bmf1"), 1),
                new Case("path in another store", LEAF.replace("/nix/store/", "/gnu/store/"), 1),
                new Case("bad NarHash", LEAF.replace("NarHash: sha256:0", "NarHash: sha256:e"), 6),
                new Case("bare NarHash", LEAF.replace("NarHash: sha256:", "NarHash: "), 6),
                new Case("negative NarSize", LEAF.replace("NarSize: 128", "NarSize: -128"), 7),
                new Case("zero NarSize", LEAF.replace("NarSize: 128", "NarSize: 0"), 7),
                new Case("leading zero", LEAF.replace("NarSize: 128", "NarSize: 0128"), 7),
                new Case("huge FileSize", LEAF.replace("FileSize: 136", "FileSize: 99999999999999999999"), 5),
                new Case("double space in References", LEAF.replace("References: ", "References: a  b"), 8),
                new Case("full path in References", LEAF.replace("References: ",
                        "References: /nix/store/2ab9s0ih703f3pqjqnql3b8hrm35c4vz-oracle-text"), 8),
                new Case("bad Deriver", LEAF.replace("Deriver: 0yjh", "Deriver: ../0yjh"), 9),
                new Case("bad Sig", LEAF.replace("Sig: oracle-test-1:pK3h", "Sig: oracle-test-1:K3h"), 10),
                new Case("empty URL", LEAF.replaceFirst("URL: [^\n]*", "URL: "), 2),
                new Case("space in Compression", LEAF.replace("Compression: xz", "Compression: x z"), 3),
                new Case("NUL in URL", LEAF.replace("nar/0vrz", "nar/\u00000vrz"), 2),
                new Case("unknown CA scheme", LEAF + "CA: foo:bar\n", 11),
                new Case("bad extra key", LEAF + "Foo Bar: x\n", 11))) {
            BadInputException e = assertThrows(BadInputException.class, () -> NarInfo.parse(c.text), c.what);
            assertEquals(ErrorCode.INVALID_NAR_INFO, e.code(), c.what);
            assertTrue(e.getMessage().contains("line " + c.line + ":"), c.what + ": " + e.getMessage());
        }
    }

    @Test
    void rejectsValuesThatWouldInjectALine() {
        NarInfo info = NarInfo.parse(LEAF);
        for (String injected : List.of("x\nSig: evil:AAAA", "x\r", "x\u0000")) {
            assertThrows(BadInputException.class, () -> info.toBuilder().url(injected).build(), "URL " + injected);
            assertThrows(BadInputException.class, () -> info.toBuilder().compression(injected).build(), "Compression");
            assertThrows(BadInputException.class, () -> info.toBuilder().ca("text:" + injected).build(), "CA");
            assertThrows(BadInputException.class, () -> new NarInfo.ExtraField("X", injected), "extra value");
        }
        assertThrows(BadInputException.class, () -> new NarInfo.ExtraField("X\nSig", "y"), "extra key");
        assertThrows(BadInputException.class, () -> new NarInfo.ExtraField("Sig", "y"), "a known key as extra");
    }

    @Test
    void builderRequiresNixsRequiredFields() {
        NarInfo info = NarInfo.parse(LEAF);
        BadInputException e = assertThrows(BadInputException.class,
                () -> NarInfo.builder().storePath(info.storePath()).narHash(info.narHash()).narSize(1).build());
        assertTrue(e.getMessage().contains("URL"), e.getMessage());
        assertThrows(BadInputException.class, () -> info.toBuilder().narSize(0).build());
        assertThrows(BadInputException.class, () -> info.toBuilder().fileSize(-1).build());
        StorePath elsewhere = StorePath.fromBaseName(info.storePath().baseName(), "/gnu/store");
        assertThrows(BadInputException.class, () -> info.toBuilder().references(List.of(elsewhere)).build());
    }
}
