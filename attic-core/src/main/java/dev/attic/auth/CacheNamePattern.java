package dev.attic.auth;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.cache.CacheName;
import java.util.regex.Pattern;

/**
 * A pattern of cache names in a token's grants: a cache name that may contain {@code *}, which
 * matches any run of characters (possibly empty), as in upstream Attic ({@code team-*},
 * {@code alice+*}, {@code *}).
 */
public record CacheNamePattern(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9*][A-Za-z0-9_+*-]{0,49}");

    public CacheNamePattern {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new BadInputException(ErrorCode.INVALID_CACHE_NAME, "invalid cache name pattern "
                    + (value == null ? "(none)" : '"' + value + '"')
                    + ": expected a cache name in which * may stand for any characters");
        }
    }

    /** Parses a pattern, throwing {@link BadInputException} with {@code INVALID_CACHE_NAME}. */
    public static CacheNamePattern of(String value) {
        return new CacheNamePattern(value);
    }

    /** True when the pattern has no wildcard and so names exactly one cache. */
    public boolean isExact() {
        return value.indexOf('*') < 0;
    }

    /** How many characters of the pattern are literal: the more, the more specific the pattern. */
    int literalCount() {
        return value.length() - (int) value.chars().filter(c -> c == '*').count();
    }

    /** Whether the pattern matches the whole name. */
    public boolean matches(CacheName name) {
        return matches(value, 0, name.value(), 0);
    }

    // Classic wildcard matching with backtracking limited to the last star: linear in practice.
    private static boolean matches(String pattern, int p, String name, int n) {
        int starP = -1;
        int starN = -1;
        while (n < name.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starN = n;
            } else if (p < pattern.length() && pattern.charAt(p) == name.charAt(n)) {
                p++;
                n++;
            } else if (starP >= 0) {
                p = starP + 1;
                n = ++starN;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return value;
    }
}
