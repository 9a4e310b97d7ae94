package dev.attic.cache;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.util.regex.Pattern;

/**
 * The name of a cache, as upstream Attic allows it: 1 to 50 ASCII letters, digits, {@code -},
 * {@code _} and {@code +}, starting with a letter or digit. The {@code +} is meant to separate a
 * namespace from a user-given name ({@code team+shared}).
 */
public record CacheName(String value) implements Comparable<CacheName> {
    /** The longest name allowed. */
    public static final int MAX_LENGTH = 50;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_+-]{0,49}");

    public CacheName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new BadInputException(ErrorCode.INVALID_CACHE_NAME, "invalid cache name "
                    + describe(value) + ": expected 1 to " + MAX_LENGTH
                    + " characters of A-Z a-z 0-9 - _ +, starting with a letter or digit");
        }
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
