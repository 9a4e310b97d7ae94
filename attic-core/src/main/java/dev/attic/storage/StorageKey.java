package dev.attic.storage;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.util.Objects;

/**
 * The name of one stored object: a relative, slash-separated path such as
 * {@code chunks/1b8m….zst}. Only {@code A-Z a-z 0-9 . _ - /} are allowed, there are no empty
 * segments and no {@code .} or {@code ..} segments, and it is at most {@value #MAX_LENGTH}
 * characters, so every backend can store it as is (a file name, an S3 key) without escaping.
 */
public record StorageKey(String value) implements Comparable<StorageKey> {

    /** The longest key: short enough to be one file name on every common filesystem. */
    public static final int MAX_LENGTH = 200;

    public StorageKey {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new BadInputException(ErrorCode.BAD_REQUEST,
                    "invalid storage key \"" + printable(value) + "\": " + problem);
        }
    }

    /** Parses and validates {@code value}; the same as the constructor. */
    public static StorageKey of(String value) {
        return new StorageKey(value);
    }

    /** True when {@code value} would be accepted as a key. */
    public static boolean isValid(String value) {
        return value != null && problem(value) == null;
    }

    /** True when this key starts with {@code prefix} (plain string prefix, as in S3). */
    public boolean startsWith(String prefix) {
        return value.startsWith(prefix);
    }

    /**
     * Checks a listing prefix: it must be the start of some valid key ({@code ""}, {@code chunks/},
     * {@code chunks/1b}), so it holds only the characters a key may hold and each of its complete
     * segments (those followed by {@code /}) is a valid segment.
     */
    public static String checkPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.length() > MAX_LENGTH) {
            throw new BadInputException(ErrorCode.BAD_REQUEST,
                    "invalid storage key prefix: " + prefix.length() + " characters, at most " + MAX_LENGTH);
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (!allowed(prefix.charAt(i))) {
                throw new BadInputException(ErrorCode.BAD_REQUEST, "invalid storage key prefix \""
                        + printable(prefix) + "\": character " + (i + 1) + " is not one of A-Z a-z 0-9 . _ - /");
            }
        }
        int slash = prefix.lastIndexOf('/');
        if (slash >= 0) {
            String complete = prefix.substring(0, slash);
            String problem = problem(complete.isEmpty() ? "/" : complete);
            if (problem != null) {
                throw new BadInputException(ErrorCode.BAD_REQUEST,
                        "invalid storage key prefix \"" + printable(prefix) + "\": " + problem);
            }
        }
        return prefix;
    }

    @Override
    public int compareTo(StorageKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String problem(String value) {
        if (value.isEmpty()) {
            return "it is empty";
        }
        if (value.length() > MAX_LENGTH) {
            return value.length() + " characters, at most " + MAX_LENGTH + " are allowed";
        }
        for (int i = 0; i < value.length(); i++) {
            if (!allowed(value.charAt(i))) {
                return "character " + (i + 1) + " is not one of A-Z a-z 0-9 . _ - /";
            }
        }
        int start = 0;
        while (start <= value.length()) {
            int end = value.indexOf('/', start);
            if (end < 0) {
                end = value.length();
            }
            String segment = value.substring(start, end);
            if (segment.isEmpty()) {
                return start == 0 ? "it starts with '/' (keys are relative)" : "it has an empty segment";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "it has a '" + segment + "' segment";
            }
            start = end + 1;
        }
        return null;
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-' || c == '/';
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        int limit = Math.min(value.length(), 80);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (value.length() > limit) {
            out.append("…");
        }
        return out.toString();
    }
}
