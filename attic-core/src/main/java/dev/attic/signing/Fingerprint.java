package dev.attic.signing;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.nix.Hash;
import dev.attic.nix.StorePath;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The text a narinfo signature signs:
 * {@code 1;<store path>;<NAR hash as sha256:nix32>;<NAR size>;<references, full paths, sorted, comma-separated>}.
 */
public record Fingerprint(String value) {

    /** Checks the five {@code ;}-separated fields and the {@code 1} version. */
    public Fingerprint {
        if (value == null) {
            throw new NullPointerException("value");
        }
        String[] fields = value.split(";", -1);
        if (fields.length != 5 || !fields[0].equals("1")) {
            throw invalid("a fingerprint has five ';'-separated fields starting with '1'");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw invalid("a fingerprint has no control characters");
        }
    }

    /** Nix's fingerprint of a store path's metadata. */
    public static Fingerprint of(StorePath path, Hash narHash, long narSize, Collection<StorePath> references) {
        if (narSize <= 0) {
            throw invalid("cannot fingerprint " + path + ": its NAR size " + narSize + " is not positive");
        }
        String refs = references.stream()
                .map(StorePath::toString)
                .sorted()
                .distinct()
                .collect(Collectors.joining(","));
        return new Fingerprint("1;" + path + ";" + narHash + ";" + narSize + ";" + refs);
    }

    /** The UTF-8 bytes that are signed. */
    byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return value;
    }

    private static BadInputException invalid(String message) {
        return new BadInputException(ErrorCode.INVALID_NAR_INFO, message);
    }
}
