package dev.attic.nix;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators for Nix values, shared by the format tests. */
public final class NixArbitraries {
    private static final char[] NAME_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-._?=".toCharArray();
    private static final char[] FIRST_NAME_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-_?=".toCharArray();

    private NixArbitraries() {}

    public static Arbitrary<Hash> hashes() {
        return Arbitraries.bytes().array(byte[].class).ofSize(Hash.SIZE).map(Hash::new);
    }

    public static Arbitrary<StorePathHash> storePathHashes() {
        return Arbitraries.strings().withChars(Nix32.ALPHABET.toCharArray()).ofLength(StorePathHash.LENGTH)
                .map(StorePathHash::new);
    }

    public static Arbitrary<String> names() {
        Arbitrary<Character> first = Arbitraries.of(box(FIRST_NAME_CHARS));
        Arbitrary<String> rest = Arbitraries.strings().withChars(NAME_CHARS)
                .ofMinLength(0).ofMaxLength(StorePath.MAX_NAME_LENGTH - 1);
        return Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    public static Arbitrary<StorePath> storePaths() {
        return Combinators.combine(storePathHashes(), names())
                .as((h, n) -> new StorePath(StorePath.DEFAULT_STORE_DIR, h, n));
    }

    private static Character[] box(char[] chars) {
        Character[] boxed = new Character[chars.length];
        for (int i = 0; i < chars.length; i++) {
            boxed[i] = chars[i];
        }
        return boxed;
    }
}
