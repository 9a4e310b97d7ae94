package dev.attic.examples.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the local Nix store knows of a valid store path ({@code nix path-info --json}). */
record PathInfo(String path, String narHash, long narSize, List<String> references, Optional<String> deriver,
        List<String> signatures, Optional<String> ca) {
    PathInfo {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(narHash, "narHash");
        references = List.copyOf(references);
        signatures = List.copyOf(signatures);
        if (narSize < 0) {
            throw new ClientException("nix reported a negative NAR size for " + path);
        }
    }

    /** {@code hash-name}, the last component of the path. */
    String baseName() {
        return baseName(path);
    }

    /** The 32-character hash part, which the server keys paths by. */
    String hashPart() {
        String base = baseName();
        int dash = base.indexOf('-');
        return dash < 0 ? base : base.substring(0, dash);
    }

    /** The name after the hash, for display. */
    String name() {
        String base = baseName();
        int dash = base.indexOf('-');
        return dash < 0 ? base : base.substring(dash + 1);
    }

    String storeDir() {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** True when one of the signatures is made by a key named in {@code keyNames}. */
    boolean isSignedByAny(List<String> keyNames) {
        return signatures.stream().map(s -> s.contains(":") ? s.substring(0, s.indexOf(':')) : s).anyMatch(keyNames::contains);
    }

    static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
