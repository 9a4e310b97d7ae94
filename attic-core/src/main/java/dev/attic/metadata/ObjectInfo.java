package dev.attic.metadata;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.metadata.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * What an uploader says about a store path: the narinfo fields an object row keeps besides its NAR.
 * Values are kept as the client sent them (store path, references and deriver as base names or full
 * paths, as the engine decides); only their shape is checked here.
 *
 * @param storePathHash the 32-character hash part of the store path, the object's key in a cache
 * @param storePath the full store path
 * @param references the store paths it refers to
 * @param deriver the deriver, or null
 * @param sigs the signatures, each {@code keyname:base64}
 * @param ca the content address, or null
 * @param system the system it was built for, or null
 * @param createdBy the name of whoever uploaded it (for audit), or null
 */
public record ObjectInfo(
        String storePathHash, String storePath, List<String> references, String deriver,
        List<String> sigs, String ca, String system, String createdBy) {
    public ObjectInfo {
        Checks.storePathHash(storePathHash);
        Objects.requireNonNull(storePath, "storePath");
        Checks.optionalWord("storePath", storePath);
        references = Checks.words("reference", references);
        Checks.optionalWord("deriver", deriver);
        sigs = Checks.words("signature", sigs);
        Checks.optionalWord("system", system);
        if (ca != null && ca.isEmpty()) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "ca must be null or non-empty");
        }
    }
}
