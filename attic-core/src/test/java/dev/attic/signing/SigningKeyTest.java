package dev.attic.signing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.io.BaseEncoding;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.nix.Hash;
import dev.attic.nix.NixArbitraries;
import dev.attic.nix.StorePath;
import dev.attic.nix.TestVectors;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SigningKeyTest {
    private static final String FINGERPRINT = "1;/nix/store/bmf1fp8s932ml7z63f0414873aiz9mc5-oracle-leaf;"
            + "sha256:01q6czwzsqwpkfp82cm87f8vkqxnmz3biw0g4rydm63hpi3ifppg;128;";

    private static SigningKey oracleKey() {
        return SigningKey.parse(TestVectors.read("keys/oracle-test-1.sec"));
    }

    @Test
    void readsNixKeyFilesAndDerivesTheSamePublicKey() {
        String secretText = TestVectors.read("keys/oracle-test-1.sec");
        String publicText = TestVectors.read("keys/oracle-test-1.pub");
        SigningKey key = SigningKey.parse(secretText);
        PublicKey pub = PublicKey.parse(publicText);
        assertEquals("oracle-test-1", key.name());
        assertEquals(pub, key.publicKey());
        assertEquals(publicText.strip(), pub.toString());
        assertEquals(secretText.strip(), key.toNixFormat());
        assertEquals(key.toNixFormat(), SigningKey.parse(secretText + "\n").toNixFormat(), "a trailing newline");
    }

    @Test
    void doesNotPrintTheSecretInToString() {
        SigningKey key = oracleKey();
        String secretPayload = key.toNixFormat().substring(key.name().length() + 1);
        String seedBase64 = BaseEncoding.base64().encode(Arrays.copyOf(BaseEncoding.base64().decode(secretPayload), 32));
        assertFalse(key.toString().contains(secretPayload), key.toString());
        assertFalse(key.toString().contains(seedBase64.substring(0, 40)), key.toString());
        assertTrue(key.toString().contains("redacted"), key.toString());
    }

    @Test
    void verifiesOnlyTheSignedFingerprintWithTheMatchingKey() {
        SigningKey key = oracleKey();
        Fingerprint fingerprint = new Fingerprint(FINGERPRINT);
        Signature signature = key.sign(fingerprint);
        assertEquals("oracle-test-1", signature.keyName());
        assertTrue(key.publicKey().verify(fingerprint, signature));
        assertFalse(key.publicKey().verify(new Fingerprint(FINGERPRINT.replace(";128;", ";129;")), signature),
                "tampered NAR size");

        SigningKey other = SigningKey.generate("oracle-test-1", new SecureRandom());
        assertFalse(key.publicKey().verify(fingerprint, other.sign(fingerprint)), "same name, other key");
        SigningKey renamed = SigningKey.parse(key.toNixFormat().replace("oracle-test-1:", "other:"));
        assertFalse(key.publicKey().verify(fingerprint, renamed.sign(fingerprint)),
                "same key bytes, but the signature names another key");
    }

    @Test
    void signaturesRoundTripNixFormat() {
        String text = "oracle-test-1:pK3hnGr3IPHZHQkhATnrDtA+RGLHPsLelqmDyjL/e1kq74P3EkOGaxLSOh7FhQxM6JMbLySg7I7XZIuEGlNBDw==";
        Signature signature = Signature.parse(text);
        assertEquals(text, signature.toString());
        assertEquals(64, signature.bytes().length);
        assertEquals(signature, Signature.parse(text));
    }

    @Test
    void rejectsMalformedSecretKeys() {
        String good = TestVectors.read("keys/oracle-test-1.sec").strip();
        String payload = good.substring(good.indexOf(':') + 1);
        byte[] both = BaseEncoding.base64().decode(payload);
        for (String tried : List.of(
                "",
                payload,                                                         // no name
                ":" + payload,                                                   // empty name
                "a b:" + payload,                                                // space in the name
                "oracle-test-1:",                                                // no key
                "oracle-test-1:" + payload.substring(1),                        // broken base64
                "oracle-test-1:" + payload.replace('=', '!'),                  // not base64
                "oracle-test-1:" + BaseEncoding.base64().encode(Arrays.copyOf(both, 32)),  // seed only
                "oracle-test-1:" + BaseEncoding.base64().encode(Arrays.copyOf(both, 65)),  // 65 bytes
                TestVectors.read("keys/oracle-test-1.pub").strip())) {        // a public key
            BadInputException e = assertThrows(BadInputException.class, () -> SigningKey.parse(tried), tried);
            assertEquals(ErrorCode.INVALID_KEY, e.code(), tried);
        }
    }

    @Test
    void rejectsASecretKeyWhoseSeedAndPublicHalfDisagree() {
        byte[] both = BaseEncoding.base64().decode(oracleKey().toNixFormat().substring("oracle-test-1:".length()));
        byte[] otherPublic = SigningKey.generate("x", new SecureRandom()).publicKey().bytes();
        System.arraycopy(otherPublic, 0, both, 32, 32);
        BadInputException e = assertThrows(BadInputException.class,
                () -> SigningKey.parse("oracle-test-1:" + BaseEncoding.base64().encode(both)));
        assertEquals(ErrorCode.INVALID_KEY, e.code());
        assertTrue(e.getMessage().contains("inconsistent"), e.getMessage());
    }

    @Test
    void rejectsMalformedPublicKeys() {
        String good = TestVectors.read("keys/oracle-test-1.pub").strip();
        String payload = good.substring(good.indexOf(':') + 1);
        byte[] notOnCurve = new byte[32];
        Arrays.fill(notOnCurve, (byte) 0xff);
        notOnCurve[31] = 0x7f;
        for (String tried : List.of("", payload, ":" + payload, "k:" + payload.substring(4),
                "k:" + BaseEncoding.base64().encode(new byte[31]), "k:" + BaseEncoding.base64().encode(new byte[64]),
                "k:" + BaseEncoding.base64().encode(notOnCurve), "k" + "\u0000" + ":" + payload)) {
            BadInputException e = assertThrows(BadInputException.class, () -> PublicKey.parse(tried), tried);
            assertEquals(ErrorCode.INVALID_KEY, e.code(), tried);
        }
    }

    @Test
    void rejectsMalformedSignatures() {
        String payload = "pK3hnGr3IPHZHQkhATnrDtA+RGLHPsLelqmDyjL/e1kq74P3EkOGaxLSOh7FhQxM6JMbLySg7I7XZIuEGlNBDw==";
        for (String tried : List.of("", payload, ":" + payload, "k:" + payload.substring(2),
                "k:" + BaseEncoding.base64().encode(new byte[63]), "k:" + payload + " ", "k:" + payload.replace("Dw==", "Dx=="))) {
            BadInputException e = assertThrows(BadInputException.class, () -> Signature.parse(tried), tried);
            assertEquals(ErrorCode.INVALID_SIGNATURE, e.code(), tried);
        }
    }

    @Test
    void buildsNixFingerprintsWithSortedFullReferences() {
        StorePath self = StorePath.parse("/nix/store/v64bzpb3xndsfd100pfjsqdgmjglr86y-oracle-top");
        StorePath a = StorePath.parse("/nix/store/2ab9s0ih703f3pqjqnql3b8hrm35c4vz-oracle-text");
        Hash hash = Hash.parse("sha256:0g7p8j72hqw4xvxqn7n1y4al4p24wrpcfpnin4kgg4rdf55d6za8");
        assertEquals("1;" + self + ";" + hash + ";912;" + a + "," + self,
                Fingerprint.of(self, hash, 912, List.of(self, a)).value());
        assertThrows(BadInputException.class, () -> Fingerprint.of(self, hash, 0, List.of()), "NAR size 0");
        for (String tried : List.of("", "2;a;b;1;", "1;a;b;1", "1;a;b;1;;", "1;a;b;1;\n")) {
            assertThrows(BadInputException.class, () -> new Fingerprint(tried), tried);
        }
    }

    @Property(tries = 200)
    void verifiesWhatItSignsAndNothingElse(@ForAll("keyNames") String name, @ForAll long keySeed,
            @ForAll("fingerprints") Fingerprint fingerprint) throws NoSuchAlgorithmException {
        SigningKey key = SigningKey.generate(name, seeded(keySeed));
        Signature signature = key.sign(fingerprint);
        assertTrue(key.publicKey().verify(fingerprint, signature));
        assertEquals(signature, Signature.parse(signature.toString()));
        assertEquals(key.publicKey(), PublicKey.parse(key.publicKey().toString()));
        assertEquals(key.toNixFormat(), SigningKey.parse(key.toNixFormat()).toNixFormat());
        Fingerprint tampered = new Fingerprint(fingerprint.value() + "x");
        assertFalse(key.publicKey().verify(tampered, signature));
        assertNotEquals(signature, key.sign(tampered));
    }

    @Test
    void signsTheSameFromManyThreads() throws InterruptedException {
        SigningKey key = oracleKey();
        Fingerprint fingerprint = new Fingerprint(FINGERPRINT);
        Signature nix = Signature.parse("oracle-test-1:pK3hnGr3IPHZHQkhATnrDtA+RGLHPsLelqmDyjL/e1kq74P3EkOGaxLSOh7FhQxM6JMbLySg7I7XZIuEGlNBDw==");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            results.add(pool.submit(() -> {
                for (int j = 0; j < 20; j++) {
                    if (!key.sign(fingerprint).equals(nix) || !key.publicKey().verify(fingerprint, nix)) {
                        return false;
                    }
                }
                return true;
            }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "signing threads did not finish");
        for (Future<Boolean> result : results) {
            assertTrue(assertDoesNotThrow(() -> result.get()), "a thread signed or verified differently");
        }
    }

    /** A deterministic random source, so that a failing property reproduces from its seed. */
    private static SecureRandom seeded(long seed) throws NoSuchAlgorithmException {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        return random;
    }

    @Provide
    Arbitrary<String> keyNames() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40)
                .map(s -> s.replace(':', '_'));
    }

    @Provide
    Arbitrary<Fingerprint> fingerprints() {
        return Combinators.combine(NixArbitraries.storePaths(), NixArbitraries.hashes(),
                        Arbitraries.longs().between(1, Long.MAX_VALUE), NixArbitraries.storePaths().list().ofMaxSize(5))
                .as(Fingerprint::of);
    }
}
