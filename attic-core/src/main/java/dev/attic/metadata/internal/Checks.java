package dev.attic.metadata.internal;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The spellings the metadata rows accept, checked once in the records' constructors and by the
 * backends for values that arrive outside a record (the hashes of get-missing-paths).
 */
public final class Checks {
    private static final String NIX32 = "[0-9abcdfghijklmnpqrsvwxyz]";
    private static final Pattern STORE_PATH_HASH = Pattern.compile(NIX32 + "{32}");
    private static final Pattern SHA256 = Pattern.compile("sha256:" + NIX32 + "{52}");
    private static final Pattern COMPRESSION = Pattern.compile("[a-z0-9]{1,16}");
    private static final Pattern WORD = Pattern.compile("\\S+");

    private Checks() {}

    public static String storePathHash(String hash) {
        if (hash == null || !STORE_PATH_HASH.matcher(hash).matches()) {
            throw new BadInputException(ErrorCode.INVALID_STORE_PATH,
                    "not a store path hash (32 nix-base32 characters): " + quote(hash));
        }
        return hash;
    }

    /** A NAR or chunk hash in its canonical spelling, {@code sha256:} and 52 nix-base32 characters. */
    public static String sha256(String hash) {
        if (hash == null || !SHA256.matcher(hash).matches()) {
            throw new BadInputException(ErrorCode.INVALID_HASH,
                    "not a hash spelled sha256:<52 nix-base32 characters>: " + quote(hash));
        }
        return hash;
    }

    public static String cacheName(String name) {
        if (!dev.attic.cache.CacheName.isValid(name)) {
            throw new BadInputException(ErrorCode.INVALID_CACHE_NAME,
                    "not a cache name (^[A-Za-z0-9][A-Za-z0-9-_+]{0,49}$): " + quote(name));
        }
        return name;
    }

    public static String compression(String compression) {
        if (compression == null || !COMPRESSION.matcher(compression).matches()) {
            throw new BadInputException(ErrorCode.INVALID_COMPRESSION_TYPE,
                    "not a compression name: " + quote(compression));
        }
        return compression;
    }

    /** A list stored space-separated, so each element must be one non-empty word. */
    public static List<String> words(String what, List<String> words) {
        Objects.requireNonNull(words, what);
        for (String w : words) {
            if (w == null || !WORD.matcher(w).matches()) {
                throw new BadInputException(ErrorCode.BAD_REQUEST,
                        what + " must be non-empty and without whitespace: " + quote(w));
            }
        }
        return List.copyOf(words);
    }

    /** An optional single word: null, or non-empty without whitespace. */
    public static String optionalWord(String what, String word) {
        if (word != null && !WORD.matcher(word).matches()) {
            throw new BadInputException(ErrorCode.BAD_REQUEST,
                    what + " must be non-empty and without whitespace: " + quote(word));
        }
        return word;
    }

    public static long positive(String what, long value) {
        if (value <= 0) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, what + " must be positive, was " + value);
        }
        return value;
    }

    public static long notNegative(String what, long value) {
        if (value < 0) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, what + " must not be negative, was " + value);
        }
        return value;
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        return '"' + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + '"';
    }
}
