package dev.attic.engine;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.metadata.ObjectInfo;
import dev.attic.metadata.ObjectWithNar;
import dev.attic.narinfo.NarInfo;
import dev.attic.nix.Hash;
import dev.attic.nix.StorePath;
import dev.attic.signing.Signature;
import dev.attic.signing.SigningKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The narinfo of a store path in a cache, in both directions: checking what an uploader says before
 * anything is stored, and building what Nix is served, signed on the fly with the cache's key.
 *
 * <p>The served NAR is the uncompressed reassembly of its chunks, so every narinfo says
 * {@code URL: nar/<store path hash>.nar} and {@code Compression: none}, without FileHash and
 * FileSize (as upstream Attic; Nix checks the NarHash of what it downloads).
 */
final class NarInfos {
    private NarInfos() {}

    /** The URL of a store path's NAR, relative to the cache's root. */
    static String narUrl(String storePathHash) {
        return "nar/" + storePathHash + ".nar";
    }

    /**
     * Checks an upload's description as the narinfo it will become: store paths in the cache's store
     * directory, the store path hash matching the path, signatures and hash well formed.
     */
    static NarInfo fromUpload(UploadPathInfo info, String storeDir) {
        StorePath storePath = StorePath.parse(info.storePath(), storeDir);
        if (!storePath.hashPart().value().equals(info.storePathHash())) {
            throw new BadInputException(ErrorCode.INVALID_STORE_PATH, "the store path hash " + quote(info.storePathHash())
                    + " is not the hash part of the store path " + storePath);
        }
        NarInfo.Builder narInfo = NarInfo.builder()
                .storePath(storePath)
                .url(narUrl(info.storePathHash()))
                .compression("none")
                .narHash(Hash.parse(info.narHash()))
                .narSize(info.narSize())
                .references(info.references().stream().map(r -> StorePath.fromBaseName(r, storeDir)).toList())
                .signatures(info.sigs().stream().map(Signature::parse).toList());
        info.deriver().ifPresent(d -> narInfo.deriver(StorePath.fromBaseName(d, storeDir)));
        info.ca().ifPresent(narInfo::ca);
        return narInfo.build();
    }

    /** What the metadata keeps of an upload, from its checked narinfo. */
    static ObjectInfo objectInfo(UploadPathInfo info, NarInfo checked, Optional<String> createdBy) {
        return new ObjectInfo(
                checked.storePath().hashPart().value(),
                checked.storePath().toString(),
                checked.references().stream().map(StorePath::baseName).toList(),
                checked.deriver().map(StorePath::baseName).orElse(null),
                checked.signatures().stream().map(Signature::toString).toList(),
                checked.ca().orElse(null),
                info.system().filter(s -> !s.isBlank()).orElse(null),
                createdBy.orElse(null));
    }

    /**
     * The narinfo Nix is served for an object, signed with the cache's key (through {@code signatures}).
     * The object keeps the store directory it was uploaded under, so changing a cache's store dir
     * later breaks nothing.
     */
    static NarInfo served(ObjectWithNar found, SigningKey key, Signatures signatures) {
        ObjectInfo info = found.object().info();
        String storeDir = info.storePath().substring(0, Math.max(1, info.storePath().lastIndexOf('/')));
        NarInfo.Builder narInfo = NarInfo.builder()
                .storePath(StorePath.parse(info.storePath(), storeDir))
                .url(narUrl(info.storePathHash()))
                .compression("none")
                .narHash(Hash.parse(found.nar().narHash()))
                .narSize(found.nar().narSize())
                .references(info.references().stream().map(r -> StorePath.fromBaseName(r, storeDir)).toList())
                // a signature claiming the cache's own key name is the server's to make, never an uploader's
                .signatures(info.sigs().stream().map(Signature::parse).filter(s -> !s.keyName().equals(key.name())).toList());
        if (info.deriver() != null) {
            narInfo.deriver(StorePath.fromBaseName(info.deriver(), storeDir));
        }
        if (info.ca() != null) {
            narInfo.ca(info.ca());
        }
        NarInfo unsigned = narInfo.build();
        List<Signature> signed = new ArrayList<>(unsigned.signatures());
        signed.add(signatures.sign(key, unsigned.fingerprint()));
        return unsigned.toBuilder().signatures(signed).build();
    }

    private static String quote(String value) {
        return value == null ? "(none)" : '"' + (value.length() > 64 ? value.substring(0, 64) + "..." : value) + '"';
    }
}
