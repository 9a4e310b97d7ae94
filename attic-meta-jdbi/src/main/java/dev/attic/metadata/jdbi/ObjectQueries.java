package dev.attic.metadata.jdbi;

import dev.attic.ErrorCode;
import dev.attic.NotFoundException;
import dev.attic.metadata.CacheAndObject;
import dev.attic.metadata.CacheRecord;
import dev.attic.metadata.NarRecord;
import dev.attic.metadata.ObjectInfo;
import dev.attic.metadata.ObjectRecord;
import dev.attic.metadata.ObjectWithNar;
import dev.attic.metadata.internal.Checks;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Objects, the narinfo rows: the read path (find, missing, touch) and the upsert. */
final class ObjectQueries {
    private final Database db;
    private final String presentSql;
    private static final String CACHE_AND_OBJECT_SQL = "SELECT " + Rows.cacheColumns("c") + ", "
            + Rows.objectColumns("o") + ", " + Rows.narColumns("n")
            + " FROM cache c LEFT JOIN object o ON o.cache_id = c.id AND o.store_path_hash = ?"
            + " LEFT JOIN nar n ON n.id = o.nar_id"
            + " WHERE c.name = ? AND c.deleted_at IS NULL";

    ObjectQueries(Database db) {
        this.db = db;
        this.presentSql = "SELECT store_path_hash FROM object WHERE cache_id = :cache"
                + " AND store_path_hash " + db.dialect.inHashes();
    }

    Optional<ObjectWithNar> find(long cacheId, String storePathHash) {
        Checks.storePathHash(storePathHash);
        return db.read("find object", h -> h.createQuery(
                        "SELECT " + Rows.objectColumns("o") + ", " + Rows.narColumns("n")
                                + " FROM object o JOIN nar n ON n.id = o.nar_id"
                                + " WHERE o.cache_id = :cache AND o.store_path_hash = :hash")
                .bind("cache", cacheId)
                .bind("hash", storePathHash)
                .map((rs, ctx) -> new ObjectWithNar(Rows.object(rs), Rows.nar(rs)))
                .findOne());
    }

    /**
     * The live cache and the object with its NAR, in one query (a cache row, with or without
     * them): what every narinfo request reads, so in plain JDBC.
     */
    Optional<CacheAndObject> findWithCache(String cacheName, String storePathHash) {
        Checks.cacheName(cacheName);
        Checks.storePathHash(storePathHash);
        return db.readUnlessUnchanged("find cache and object", new LookupKey(cacheName, storePathHash),
                CACHE_AND_OBJECT_SQL, query -> {
            query.setString(1, storePathHash);
            query.setString(2, cacheName);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                CacheRecord cache = Rows.cacheAt(rs, 1);
                NarRecord nar = Rows.narAt(rs, 1 + Rows.CACHE_WIDTH + Rows.OBJECT_WIDTH);
                Optional<ObjectWithNar> object = nar == null ? Optional.empty()
                        : Optional.of(new ObjectWithNar(Rows.objectAt(rs, 1 + Rows.CACHE_WIDTH), nar));
                return Optional.of(new CacheAndObject(cache, object));
            }
        });
    }

    private record LookupKey(String cacheName, String storePathHash) {}

    List<String> missing(long cacheId, Collection<String> storePathHashes) {
        LinkedHashSet<String> unique = new LinkedHashSet<>(storePathHashes.size() * 2);
        for (String hash : storePathHashes) {
            unique.add(Checks.storePathHash(hash));
        }
        if (unique.isEmpty()) {
            return List.of();
        }
        // Sorted, the index probes walk the index in order: fewer pages, each read once.
        List<String> sorted = new ArrayList<>(unique);
        Collections.sort(sorted);
        // One indexed probe per hash; the answer is the present ones (at most as many as asked).
        Set<String> present = db.read("find missing paths", h -> {
            Query query = h.createQuery(presentSql).bind("cache", cacheId);
            db.dialect.bindHashes(query, sorted);
            return query.mapTo(String.class).collect(Collectors.toCollection(HashSet::new));
        });
        List<String> missing = new ArrayList<>(unique.size() - present.size());
        for (String hash : unique) {
            if (!present.contains(hash)) {
                missing.add(hash);
            }
        }
        return missing;
    }

    void touch(Collection<Long> objectIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(objectIds));
        if (ids.isEmpty()) {
            return;
        }
        long now = db.now();
        db.write("touch objects", h -> {
            for (List<Long> batch : Database.batches(ids)) {
                h.createUpdate("UPDATE object SET last_accessed_at = :now WHERE id IN (<ids>)")
                        .bind("now", now)
                        .bindList("ids", batch)
                        .execute();
            }
            return null;
        });
    }

    boolean delete(long cacheId, String storePathHash) {
        Checks.storePathHash(storePathHash);
        return db.write("delete object", h -> h.createUpdate(
                        "DELETE FROM object WHERE cache_id = :cache AND store_path_hash = :hash")
                .bind("cache", cacheId)
                .bind("hash", storePathHash)
                .execute()) > 0;
    }

    ObjectRecord attach(long cacheId, long narId, ObjectInfo info) {
        Objects.requireNonNull(info, "info");
        return db.write("attach object", h -> {
            requireLiveCache(h, cacheId);
            int held = h.createUpdate("UPDATE nar SET lease_until = " + Leases.EXTEND
                            + " WHERE id = :id AND state = 'V'")
                    .bind("id", narId)
                    .bind("until", db.now() + db.referenceGraceMillis)
                    .execute();
            if (held == 0) {
                throw new NotFoundException(ErrorCode.NO_SUCH_OBJECT, "no valid NAR with id " + narId);
            }
            return upsert(h, cacheId, narId, info, db.now());
        });
    }

    /** Fails unless the cache exists and is not soft-deleted. */
    static void requireLiveCache(Handle h, long cacheId) {
        boolean live = h.createQuery("SELECT COUNT(*) FROM cache WHERE id = :id AND deleted_at IS NULL")
                .bind("id", cacheId).mapTo(Long.class).one() > 0;
        if (!live) {
            throw new NotFoundException(ErrorCode.NO_SUCH_CACHE, "no cache with id " + cacheId);
        }
    }

    /** Inserts the object, or replaces the one at the same (cache, store path hash). */
    static ObjectRecord upsert(Handle h, long cacheId, long narId, ObjectInfo info, long now) {
        return h.createQuery("INSERT INTO object (cache_id, nar_id, store_path_hash, store_path, refs,"
                        + " deriver, sigs, ca, system, created_by, created_at, last_accessed_at)"
                        + " VALUES (:cache, :nar, :hash, :path, :refs, :deriver, :sigs, :ca, :system,"
                        + " :createdBy, :now, :now)"
                        + " ON CONFLICT (cache_id, store_path_hash) DO UPDATE SET nar_id = excluded.nar_id,"
                        + " store_path = excluded.store_path, refs = excluded.refs, deriver = excluded.deriver,"
                        + " sigs = excluded.sigs, ca = excluded.ca, system = excluded.system,"
                        + " created_by = excluded.created_by, created_at = excluded.created_at,"
                        + " last_accessed_at = excluded.last_accessed_at"
                        + " RETURNING " + Rows.objectColumns(null))
                .bind("cache", cacheId)
                .bind("nar", narId)
                .bind("hash", info.storePathHash())
                .bind("path", info.storePath())
                .bind("refs", Rows.joinWords(info.references()))
                .bind("deriver", info.deriver())
                .bind("sigs", Rows.joinWords(info.sigs()))
                .bind("ca", info.ca())
                .bind("system", info.system())
                .bind("createdBy", info.createdBy())
                .bind("now", now)
                .map((rs, ctx) -> Rows.object(rs))
                .one();
    }
}
