package dev.attic.metadata;

import java.util.Objects;

/**
 * The result of committing an upload.
 *
 * @param nar the valid NAR the object now points at
 * @param object the object, inserted or replaced
 * @param deduplicated true when another upload of the same NAR hash committed first: the object
 *     points at that NAR and this upload's NAR was marked deleted for the garbage collector
 */
public record CommittedNar(NarRecord nar, ObjectRecord object, boolean deduplicated) {
    public CommittedNar {
        Objects.requireNonNull(nar, "nar");
        Objects.requireNonNull(object, "object");
    }
}
