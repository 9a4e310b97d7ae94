package dev.attic.narinfo;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.nix.StorePath;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules for each narinfo field's value, shared by the constructor and the parser. */
final class Fields {
    // compiled once: String.matches compiles its pattern on every call (a narinfo is built per request)
    private static final Pattern COMPRESSION = Pattern.compile("[A-Za-z0-9._+-]+");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    static final Set<String> KNOWN_KEYS = Set.of("StorePath", "URL", "Compression", "FileHash", "FileSize",
            "NarHash", "NarSize", "References", "Deriver", "Sig", "CA");

    private Fields() {}

    static void requireText(String key, String value) {
        Objects.requireNonNull(value, key);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw invalid(key + " value has a control character (" + describe(c) + ") at index " + i
                        + "; a value must stay on its line");
            }
        }
    }

    static void requireUrl(String url) {
        requireText("URL", url);
        if (url.isEmpty()) {
            throw invalid("URL is empty");
        }
    }

    static void requireCompression(String compression) {
        requireText("Compression", compression);
        if (!COMPRESSION.matcher(compression).matches()) {
            throw invalid("Compression '" + compression + "' is not a name of [A-Za-z0-9._+-]");
        }
    }

    static void requireCa(String ca) {
        requireText("CA", ca);
        if (!ca.startsWith("text:") && !ca.startsWith("fixed:")) {
            throw invalid("CA '" + ca + "' starts with neither 'text:' nor 'fixed:'");
        }
    }

    static void requireNarSize(long narSize) {
        if (narSize <= 0) {
            throw invalid("NarSize must be positive, got " + narSize);
        }
    }

    static void requireFileSize(long fileSize) {
        if (fileSize < 0) {
            throw invalid("FileSize must not be negative, got " + fileSize);
        }
    }

    static void requireSameStore(String storeDir, StorePath path, String what) {
        if (!path.storeDir().equals(storeDir)) {
            throw invalid(what + " " + path + " is not in the narinfo's store " + storeDir);
        }
    }

    static void requireExtraKey(String key) {
        Objects.requireNonNull(key, "key");
        if (!FIELD_NAME.matcher(key).matches()) {
            throw invalid("field name '" + key.replaceAll("[^\\x20-\\x7e]", "?")
                    + "' is not of [A-Za-z][A-Za-z0-9-]*");
        }
        if (KNOWN_KEYS.contains(key)) {
            throw invalid("'" + key + "' is a known field, not an extra one");
        }
    }

    /** A decimal without sign or leading zeros that fits a long. */
    static long parseSize(String key, String value) {
        if (!DECIMAL.matcher(value).matches()) {
            throw invalid(key + " '" + value + "' is not a decimal number without sign or leading zeros");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(key + " '" + value + "' is too large");
        }
    }

    private static String describe(char c) {
        return c == '\n' ? "LF" : c == '\r' ? "CR" : String.format("U+%04X", (int) c);
    }

    static BadInputException invalid(String message) {
        return new BadInputException(ErrorCode.INVALID_NAR_INFO, message);
    }
}
