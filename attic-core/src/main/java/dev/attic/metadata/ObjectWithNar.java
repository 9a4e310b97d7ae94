package dev.attic.metadata;

import java.util.Objects;

/** An object and its NAR, read together: everything a narinfo needs. */
public record ObjectWithNar(ObjectRecord object, NarRecord nar) {
    public ObjectWithNar {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(nar, "nar");
    }
}
