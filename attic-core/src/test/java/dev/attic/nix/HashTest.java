package dev.attic.nix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import com.google.common.hash.HashingInputStream;
import com.google.common.io.BaseEncoding;
import com.google.common.io.ByteStreams;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class HashTest {
    private static final String EMPTY_NIX32 = "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73";

    @Test
    void parsesEveryVectorInAllSpellingsToTheSameHash() {
        List<String[]> rows = TestVectors.tsv("hashes/nix32.tsv", true);
        assertTrue(rows.size() >= 4);
        for (String[] row : rows) {
            byte[] input = row[0].equals("(empty)") ? new byte[0] : BaseEncoding.base16().lowerCase().decode(row[0]);
            Hash expected = Hash.sha256Of(input);
            assertEquals(row[1], expected.toHex(), "SHA-256 of input " + row[0]);
            for (String spelling : List.of("sha256:" + row[2], "sha256:" + row[1], "sha256:" + row[1].toUpperCase(),
                    "sha256-" + row[3], "sha256:" + row[3])) {
                Hash parsed = Hash.parse(spelling);
                assertEquals(expected, parsed, spelling);
                assertEquals("sha256:" + row[2], parsed.toString(), "canonical print of " + spelling);
                assertEquals("sha256-" + row[3], parsed.toSri(), "SRI of " + spelling);
                assertEquals(row[1], parsed.toHex(), "hex of " + spelling);
            }
            assertEquals(expected, Hash.fromNix32(row[2]));
        }
    }

    @Test
    void narSumsNix32AndHexColumnsAreTheSameHash() {
        List<String[]> rows = TestVectors.tsv("nar/SHA256SUMS.tsv", false);
        assertTrue(rows.size() >= 6);
        for (String[] row : rows) {
            Hash fromNix32 = Hash.parse(row[1]);
            assertEquals(fromNix32, Hash.parse("sha256:" + row[2]), row[0]);
            assertEquals(row[1], fromNix32.toString(), row[0]);
            assertEquals(row[2], fromNix32.toHex(), row[0]);
        }
    }

    @Test
    void hashesAStreamWithGuavaAndAMessageDigest() throws IOException, NoSuchAlgorithmException {
        String[] tree = TestVectors.tsv("nar/SHA256SUMS.tsv", false).stream()
                .filter(r -> r[0].equals("tree.nar")).findFirst().orElseThrow();
        try (HashingInputStream in = new HashingInputStream(Hashing.sha256(),
                Files.newInputStream(TestVectors.file("nar/tree.nar")))) {
            assertEquals(Long.parseLong(tree[3]), ByteStreams.exhaust(in));
            assertEquals(tree[1], Hash.sha256(in.hash()).toString());
        }
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(TestVectors.file("nar/tree.nar"))) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        assertEquals(tree[1], Hash.of(digest).toString());
    }

    @Test
    void rejectsAHashOfAnotherLength() {
        assertThrows(BadInputException.class, () -> Hash.sha256(Hashing.sha512().hashBytes(new byte[0])),
                "a SHA-512 as SHA-256");
        assertThrows(BadInputException.class, () -> new Hash(new byte[31]), "31 bytes");
    }

    @Test
    void rejectsBareAndMalformedSpellings() {
        String hex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        for (String tried : List.of(
                EMPTY_NIX32,                                   // bare nix32: deliberately not accepted by parse
                hex,                                           // bare hex
                "sha256",                                      // prefix only
                "sha256:",                                     // empty digest
                "sha512:" + EMPTY_NIX32,                       // another algorithm
                "SHA256:" + EMPTY_NIX32,                       // wrong case
                "sha256;" + EMPTY_NIX32,                       // wrong separator
                "sha256:" + EMPTY_NIX32.substring(1),          // 51 characters
                "sha256:" + EMPTY_NIX32 + "0",                 // 53 characters
                "sha256:e" + EMPTY_NIX32.substring(1),         // 'e' is not in the alphabet
                "sha256:" + hex.substring(1) + "g",            // non-hex
                "sha256:" + hex.substring(1) + "\u0660",       // a Unicode digit
                "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU",    // base64 without padding
                "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFV=",   // bits set in the padding
                "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hS!FU=",   // not base64
                "sha256-" + EMPTY_NIX32,                       // SRI with nix32
                " sha256:" + EMPTY_NIX32,                      // leading space
                "sha256:" + EMPTY_NIX32 + "\n")) {             // trailing newline
            BadInputException e = assertThrows(BadInputException.class, () -> Hash.parse(tried), tried);
            assertEquals(ErrorCode.INVALID_HASH, e.code(), tried);
        }
    }

    @Test
    void bytesAreACopy() {
        Hash hash = Hash.parse("sha256:" + EMPTY_NIX32);
        hash.bytes()[0] ^= 1;
        assertEquals("sha256:" + EMPTY_NIX32, hash.toString());
        byte[] source = hash.bytes();
        Hash copy = new Hash(source);
        source[0] ^= 1;
        assertEquals(hash, copy);
        assertNotEquals(hash, new Hash(source));
    }

    @Property
    void roundTripsThroughEverySpelling(@ForAll("hashes") Hash hash) {
        assertEquals(hash, Hash.parse(hash.toString()));
        assertEquals(hash, Hash.parse("sha256:" + hash.toHex()));
        assertEquals(hash, Hash.parse(hash.toSri()));
        assertEquals(hash, Hash.fromNix32(hash.toNix32()));
        assertArrayEquals(hash.bytes(), Hash.parse(hash.toSri()).bytes());
        assertEquals(hash.hashCode(), Hash.parse(hash.toSri()).hashCode());
    }

    @Provide
    Arbitrary<Hash> hashes() {
        return NixArbitraries.hashes();
    }
}
