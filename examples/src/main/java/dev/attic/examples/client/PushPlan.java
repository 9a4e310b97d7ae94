package dev.attic.examples.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a push will upload: the closure of the roots, less the paths signed by one of the cache's
 * upstream keys (cache.nixos.org has them already), less what the cache has (one
 * {@code get-missing-paths} call), less what this session has pushed already.
 */
/**
 * @param settled the hashes of the closure that need no upload (present or upstream), for a session to remember
 */
record PushPlan(List<PathInfo> toPush, int closureSize, int alreadyCached, int upstream, Set<String> settled) {
    PushPlan {
        toPush = List.copyOf(toPush);
        settled = Set.copyOf(settled);
    }

    static PushPlan make(NixStore store, ApiClient api, String cache, CacheConfig config, Collection<String> roots,
            boolean closure, boolean ignoreUpstream, Set<String> knownHashes) {
        Map<String, PathInfo> byHash = new LinkedHashMap<>();
        Set<String> settled = new HashSet<>();
        for (PathInfo info : store.pathInfos(List.copyOf(roots), closure)) {
            byHash.put(info.hashPart(), info);
        }
        int closureSize = byHash.size();
        settled.addAll(byHash.keySet());
        int upstream = 0;
        if (!ignoreUpstream && !config.upstreamCacheKeyNames().isEmpty()) {
            int before = byHash.size();
            byHash.values().removeIf(info -> info.isSignedByAny(config.upstreamCacheKeyNames()));
            upstream = before - byHash.size();
        }
        int before = byHash.size();
        byHash.keySet().removeAll(knownHashes);
        if (!byHash.isEmpty()) {
            Set<String> missing = new HashSet<>(api.missingPaths(cache, byHash.keySet()));
            byHash.keySet().retainAll(missing);
        }
        int alreadyCached = before - byHash.size();
        List<PathInfo> toPush = new ArrayList<>(byHash.values());
        // the largest first, so the long uploads start early and the small ones fill the gaps
        toPush.sort(Comparator.comparingLong(PathInfo::narSize).reversed());
        settled.removeAll(byHash.keySet());
        return new PushPlan(toPush, closureSize, alreadyCached, upstream, settled);
    }

    long bytes() {
        return toPush.stream().mapToLong(PathInfo::narSize).sum();
    }
}
