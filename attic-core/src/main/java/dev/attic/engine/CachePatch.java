package dev.attic.engine;

import dev.attic.signing.SigningKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings to give a cache when it is created, or to change when it is configured: every field
 * left empty keeps the current value (on creation, the default). The keypair is either imported
 * ({@link Builder#keypair(SigningKey)}) or generated anew ({@link Builder#generateKeypair()}); a new
 * cache without either gets a generated one.
 */
public record CachePatch(
        Optional<Boolean> isPublic,
        Optional<String> storeDir,
        Optional<Integer> priority,
        Optional<List<String>> upstreamCacheKeyNames,
        Optional<SigningKey> keypair,
        boolean generateKeypair,
        Optional<Retention> retention) {

    public CachePatch {
        Objects.requireNonNull(isPublic, "isPublic");
        Objects.requireNonNull(storeDir, "storeDir");
        Objects.requireNonNull(priority, "priority");
        upstreamCacheKeyNames = upstreamCacheKeyNames.map(List::copyOf);
        Objects.requireNonNull(keypair, "keypair");
        Objects.requireNonNull(retention, "retention");
        if (generateKeypair && keypair.isPresent()) {
            throw new IllegalArgumentException("a cache patch either imports a keypair or generates one, not both");
        }
    }

    /** A patch that changes nothing. */
    public static CachePatch none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when the patch changes the retention period (which needs its own permission). */
    boolean changesRetention() {
        return retention.isPresent();
    }

    /** True when the patch changes anything but the retention period. */
    boolean changesConfiguration() {
        return isPublic.isPresent() || storeDir.isPresent() || priority.isPresent()
                || upstreamCacheKeyNames.isPresent() || keypair.isPresent() || generateKeypair;
    }

    /** Builds a {@link CachePatch}. */
    public static final class Builder {
        private Optional<Boolean> isPublic = Optional.empty();
        private Optional<String> storeDir = Optional.empty();
        private Optional<Integer> priority = Optional.empty();
        private Optional<List<String>> upstreamCacheKeyNames = Optional.empty();
        private Optional<SigningKey> keypair = Optional.empty();
        private boolean generateKeypair;
        private Optional<Retention> retention = Optional.empty();

        private Builder() {}

        public Builder isPublic(boolean value) { isPublic = Optional.of(value); return this; }
        public Builder storeDir(String value) { storeDir = Optional.of(value); return this; }
        public Builder priority(int value) { priority = Optional.of(value); return this; }
        public Builder upstreamCacheKeyNames(List<String> value) { upstreamCacheKeyNames = Optional.of(value); return this; }
        public Builder keypair(SigningKey value) { keypair = Optional.of(value); generateKeypair = false; return this; }
        public Builder generateKeypair() { generateKeypair = true; keypair = Optional.empty(); return this; }
        public Builder retention(Retention value) { retention = Optional.of(value); return this; }

        public CachePatch build() {
            return new CachePatch(isPublic, storeDir, priority, upstreamCacheKeyNames, keypair, generateKeypair, retention);
        }
    }
}
