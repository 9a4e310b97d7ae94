package dev.attic.cache;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;

/**
 * The name of a cache, as upstream Attic allows it: 1 to 50 ASCII letters, digits, {@code -},
 * {@code _} and {@code +}, starting with a letter or digit. The {@code +} is meant to separate a
 * namespace from a user-given name ({@code team+shared}).
 */
public record CacheName(String value) implements Comparable<CacheName> {
    /** The longest name allowed. */
    public static final int MAX_LENGTH = 50;

    public CacheName {
        if (!isValid(value)) {
            throw new BadInputException(ErrorCode.INVALID_CACHE_NAME, "invalid cache name "
                    + describe(value) + ": expected 1 to " + MAX_LENGTH
                    + " characters of A-Z a-z 0-9 - _ +, starting with a letter or digit");
        }
    }

    /**
     * Whether {@code value} is {@code [A-Za-z0-9][A-Za-z0-9_+-]{0,49}}: checked by hand, as every
     * request names a cache and a regular expression cost more than the rest of the parsing.
     */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '_' && c != '+' && c != '-'))) {
                return false;
            }
        }
        return true;
    }

    /** Parses a cache name, throwing {@link BadInputException} with {@code INVALID_CACHE_NAME}. */
    public static CacheName of(String value) {
        return new CacheName(value);
    }

    @Override
    public int compareTo(CacheName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** Quotes a rejected value for an error message without echoing an unbounded string. */
    static String describe(String value) {
        if (value == null) {
            return "(none)";
        }
        String shown = value.length() > 64 ? value.substring(0, 64) + "..." : value;
        StringBuilder quoted = new StringBuilder("\"");
        shown.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                quoted.append(String.format("\\x%02x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('"').toString();
    }
}
