package dev.attic.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client says about a store path it uploads, as upstream Attic's {@code UploadPathNarInfo}
 * carries it: the strings are checked by the engine against the target cache's store directory.
 *
 * @param storePathHash the 32-character hash part, which must equal the store path's
 * @param storePath the full store path
 * @param references the base names of the paths it refers to
 * @param deriver the base name of its deriver, if known
 * @param sigs signatures in Nix's format ({@code name:base64})
 * @param ca its content address, if any
 * @param system the system it was built for, if known
 * @param narHash the SHA-256 of the NAR, in any of Nix's spellings
 * @param narSize the size of the NAR in bytes
 */
public record UploadPathInfo(
        String storePathHash,
        String storePath,
        List<String> references,
        Optional<String> deriver,
        List<String> sigs,
        Optional<String> ca,
        Optional<String> system,
        String narHash,
        long narSize) {

    public UploadPathInfo {
        Objects.requireNonNull(storePathHash, "storePathHash");
        Objects.requireNonNull(storePath, "storePath");
        references = List.copyOf(references);
        Objects.requireNonNull(deriver, "deriver");
        sigs = List.copyOf(sigs);
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(narHash, "narHash");
    }
}
