package dev.attic.nix;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;

/**
 * A Nix store path: {@code <storeDir>/<hashPart>-<name>}, such as
 * {@code /nix/store/2ab9s0ih703f3pqjqnql3b8hrm35c4vz-oracle-text}.
 *
 * <p>The store directory is absolute, without a trailing slash, and each of its segments uses
 * {@code [A-Za-z0-9+\-._]} (not {@code .} or {@code ..}). The name follows Nix: 1 to
 * {@value #MAX_NAME_LENGTH} characters of {@code [A-Za-z0-9+\-._?=]}, not starting with a period.
 * Anything else, including a nested path or a trailing slash, is rejected with
 * {@link ErrorCode#INVALID_STORE_PATH}.
 */
public record StorePath(String storeDir, StorePathHash hashPart, String name) {
    /** The store directory of a standard Nix installation. */
    public static final String DEFAULT_STORE_DIR = "/nix/store";
    /** The longest name Nix accepts. */
    public static final int MAX_NAME_LENGTH = 211;

    /** Validates all three parts. */
    public StorePath {
        if (storeDir == null || hashPart == null || name == null) {
            throw new NullPointerException("storeDir, hashPart and name are required");
        }
        requireStoreDir(storeDir);
        String why = nameProblem(name);
        if (why != null) {
            throw invalid("store path name '" + shown(name) + "' " + why);
        }
    }

    /** Parses a full path in {@value #DEFAULT_STORE_DIR}. */
    public static StorePath parse(String fullPath) {
        return parse(fullPath, DEFAULT_STORE_DIR);
    }

    /** Parses a full path, which must lie directly in {@code storeDir}. */
    public static StorePath parse(String fullPath, String storeDir) {
        requireStoreDir(storeDir);
        if (!fullPath.startsWith(storeDir) || fullPath.length() == storeDir.length()
                || fullPath.charAt(storeDir.length()) != '/') {
            throw invalid("'" + shown(fullPath) + "' is not in the store directory " + storeDir);
        }
        String baseName = fullPath.substring(storeDir.length() + 1);
        if (baseName.indexOf('/') >= 0) {
            throw invalid("'" + shown(fullPath) + "' is not directly in " + storeDir
                    + " (nested path or trailing slash)");
        }
        return fromBaseName(baseName, storeDir);
    }

    /** Parses a base name such as {@code 2ab9s0ih703f3pqjqnql3b8hrm35c4vz-oracle-text} in the default store. */
    public static StorePath fromBaseName(String baseName) {
        return fromBaseName(baseName, DEFAULT_STORE_DIR);
    }

    /** Parses a base name, {@code <32 nix32 characters>-<name>}, in {@code storeDir}. */
    public static StorePath fromBaseName(String baseName, String storeDir) {
        int hashLength = StorePathHash.LENGTH;
        if (baseName.length() < hashLength + 2 || baseName.charAt(hashLength) != '-') {
            throw invalid("'" + shown(baseName) + "' is not a store path base name: expected "
                    + hashLength + " nix32 characters, '-' and a name");
        }
        String hash = baseName.substring(0, hashLength);
        String why = StorePathHash.problem(hash);
        if (why != null) {
            throw invalid("'" + shown(baseName) + "' has an invalid hash part: " + why);
        }
        return new StorePath(storeDir, new StorePathHash(hash), baseName.substring(hashLength + 1));
    }

    /** {@code <hashPart>-<name>}, the last segment of the path. */
    public String baseName() {
        return hashPart.value() + "-" + name;
    }

    /** The full path. */
    @Override
    public String toString() {
        return storeDir + "/" + baseName();
    }

    private static String nameProblem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "is " + name.length() + " characters long; at most " + MAX_NAME_LENGTH + " are allowed";
        }
        if (name.charAt(0) == '.') {
            return "starts with a period";
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i))) {
                return "has a character not in [A-Za-z0-9+-._?=] at index " + i;
            }
        }
        return null;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '+' || c == '-' || c == '.' || c == '_' || c == '?' || c == '=';
    }

    private static void requireStoreDir(String storeDir) {
        if (storeDir.length() < 2 || storeDir.charAt(0) != '/' || storeDir.endsWith("/")) {
            throw invalid("store directory '" + shown(storeDir)
                    + "' must be absolute, not the root, and have no trailing slash");
        }
        for (String segment : storeDir.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw invalid("store directory '" + shown(storeDir) + "' has an empty, '.' or '..' segment");
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (!isNameChar(c) || c == '?' || c == '=') {
                    throw invalid("store directory '" + shown(storeDir)
                            + "' has a character not in [A-Za-z0-9+-._]");
                }
            }
        }
    }

    static String shown(String text) {
        String cut = text.length() > 300 ? text.substring(0, 300) + "..." : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static BadInputException invalid(String message) {
        return new BadInputException(ErrorCode.INVALID_STORE_PATH, message);
    }
}
