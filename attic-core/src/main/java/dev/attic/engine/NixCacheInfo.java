package dev.attic.engine;

/**
 * A cache's {@code nix-cache-info}: where its paths live, that Nix may ask about many paths at once,
 * and its priority (lower is preferred; cache.nixos.org has 40).
 */
public record NixCacheInfo(String storeDir, boolean wantMassQuery, int priority) {

    /** The text Nix reads, LF line endings. */
    public String render() {
        return "StoreDir: " + storeDir + "\nWantMassQuery: " + (wantMassQuery ? 1 : 0) + "\nPriority: " + priority + "\n";
    }
}
