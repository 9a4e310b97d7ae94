package dev.attic.nix;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;

/**
 * The 32-character nix32 hash part of a store path, such as the
 * {@code 2ab9s0ih703f3pqjqnql3b8hrm35c4vz} a client asks for in
 * {@code GET /2ab9s0ih703f3pqjqnql3b8hrm35c4vz.narinfo}. Nothing but 32 characters of Nix's
 * base-32 alphabet is accepted, so a value is safe to use in a key or a file name.
 */
public record StorePathHash(String value) {
    /** The length of a store path hash part. */
    public static final int LENGTH = 32;

    /**
     * @throws BadInputException ({@link ErrorCode#INVALID_STORE_PATH}) unless {@code value} is
     *     exactly 32 characters of Nix's base-32 alphabet
     */
    public StorePathHash {
        if (value == null) {
            throw new NullPointerException("value");
        }
        String why = problem(value);
        if (why != null) {
            throw new BadInputException(ErrorCode.INVALID_STORE_PATH,
                    "invalid store path hash '" + StorePath.shown(value) + "': " + why);
        }
    }

    /** Parses a bare store path hash; the same as the constructor. */
    public static StorePathHash parse(String value) {
        return new StorePathHash(value);
    }

    /** Why {@code value} is not a store path hash, or null when it is one. */
    static String problem(String value) {
        if (value.length() != LENGTH) {
            return "expected " + LENGTH + " characters, got " + value.length();
        }
        for (int i = 0; i < LENGTH; i++) {
            if (!Nix32.isDigit(value.charAt(i))) {
                return "character at index " + i + " is not in Nix's base-32 alphabet " + Nix32.ALPHABET;
            }
        }
        return null;
    }

    /** The 32 characters. */
    @Override
    public String toString() {
        return value;
    }
}
