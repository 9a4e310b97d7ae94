package dev.attic.references;

import dev.attic.nix.Nix32;
import dev.attic.nix.StorePathHash;
import java.nio.charset.StandardCharsets;

/** What stands in a masked NAR where a store path hash stood, and which bytes can be a hash. */
final class MaskedHash {
    /**
     * 32 times {@code e}: Nix's base-32 has no {@code e}, so a masked path such as
     * {@code /nix/store/eeee…-name} is never taken for a store path again.
     */
    static final byte[] PLACEHOLDER = "e".repeat(StorePathHash.LENGTH).getBytes(StandardCharsets.US_ASCII);

    private static final boolean[] NIX32 = new boolean[256];

    static {
        for (char c : Nix32.ALPHABET.toCharArray()) {
            NIX32[c] = true;
        }
    }

    private MaskedHash() {}

    /** True when the byte is one of the characters of Nix's base-32. */
    static boolean isNix32(byte b) {
        return NIX32[b & 0xff];
    }
}
