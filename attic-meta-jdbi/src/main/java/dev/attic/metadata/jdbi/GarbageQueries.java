package dev.attic.metadata.jdbi;

import dev.attic.metadata.ChunkRecord;
import dev.attic.metadata.ChunkState;
import dev.attic.metadata.MetadataStats;
import dev.attic.metadata.NarState;
import dev.attic.metadata.internal.Checks;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The garbage collector's bounded steps, and the row counts. */
final class GarbageQueries {
    private final Database db;

    GarbageQueries(Database db) {
        this.db = db;
    }

    int expireObjects(Duration defaultRetention, int limit) {
        Objects.requireNonNull(defaultRetention, "defaultRetention");
        Checks.notNegative("defaultRetention (ms)", defaultRetention.toMillis());
        Checks.positive("limit", limit);
        return db.write("expire objects", h -> h.createUpdate("DELETE FROM object WHERE id IN ("
                        + "SELECT o.id FROM object o JOIN cache c ON c.id = o.cache_id"
                        + " WHERE COALESCE(c.retention_period_ms, :default) > 0"
                        + " AND o.last_accessed_at < :now - COALESCE(c.retention_period_ms, :default)"
                        + " LIMIT :limit)")
                .bind("default", defaultRetention.toMillis())
                .bind("now", db.now())
                .bind("limit", limit)
                .execute());
    }

    int reapNars(int limit) {
        Checks.positive("limit", limit);
        return db.write("reap NARs", h -> {
            List<Long> ids = h.createQuery("SELECT n.id FROM nar n WHERE n.state = 'D' OR ("
                            + Leases.expired("n") + " AND (n.state = 'P' OR (n.state = 'V' AND NOT EXISTS"
                            + " (SELECT 1 FROM object o WHERE o.nar_id = n.id))))"
                            + " LIMIT :limit" + db.dialect.skipLocked())
                    .bind("now", db.now())
                    .bind("limit", limit)
                    .mapTo(Long.class)
                    .list();
            for (List<Long> batch : Database.batches(ids)) {
                h.createUpdate("DELETE FROM chunkref WHERE nar_id IN (<ids>)").bindList("ids", batch).execute();
                h.createUpdate("DELETE FROM nar WHERE id IN (<ids>)").bindList("ids", batch).execute();
            }
            return ids.size();
        });
    }

    List<ChunkRecord> claimDeadChunks(int limit) {
        Checks.positive("limit", limit);
        return db.write("claim dead chunks", h -> {
            h.createUpdate("UPDATE chunk SET state = 'D', lease_until = NULL WHERE id IN ("
                            + "SELECT c.id FROM chunk c WHERE " + Leases.expired("c")
                            + " AND (c.state = 'P' OR (c.state IN ('V', 'C') AND NOT EXISTS"
                            + " (SELECT 1 FROM chunkref r WHERE r.chunk_id = c.id)))"
                            + " LIMIT :limit" + db.dialect.skipLocked() + ")")
                    .bind("now", db.now())
                    .bind("limit", limit)
                    .execute();
            return h.createQuery("SELECT " + Rows.chunkColumns(null) + " FROM chunk WHERE state = 'D'"
                            + " ORDER BY id LIMIT :limit")
                    .bind("limit", limit)
                    .map((rs, ctx) -> Rows.chunk(rs))
                    .list();
        });
    }

    int deleteChunkRows(Collection<Long> chunkIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(chunkIds));
        if (ids.isEmpty()) {
            return 0;
        }
        return db.write("delete chunk rows", h -> {
            int deleted = 0;
            for (List<Long> batch : Database.batches(ids)) {
                deleted += h.createUpdate("DELETE FROM chunk WHERE id IN (<ids>) AND state = 'D'"
                                + " AND NOT EXISTS (SELECT 1 FROM chunkref r WHERE r.chunk_id = chunk.id)")
                        .bindList("ids", batch)
                        .execute();
            }
            return deleted;
        });
    }

    MetadataStats stats() {
        return db.read("count rows", h -> {
            Map<String, Long> totals = new java.util.HashMap<>();
            Map<NarState, Long> nars = new EnumMap<>(NarState.class);
            Map<ChunkState, Long> chunks = new EnumMap<>(ChunkState.class);
            h.createQuery("SELECT 'cache' AS t, '-' AS s, COUNT(*) AS n FROM cache WHERE deleted_at IS NULL"
                            + " UNION ALL SELECT 'object', '-', COUNT(*) FROM object"
                            + " UNION ALL SELECT 'chunkref', '-', COUNT(*) FROM chunkref"
                            + " UNION ALL SELECT 'nar', state, COUNT(*) FROM nar GROUP BY state"
                            + " UNION ALL SELECT 'chunk', state, COUNT(*) FROM chunk GROUP BY state")
                    .map((rs, ctx) -> {
                        String table = rs.getString("t");
                        long n = rs.getLong("n");
                        switch (table) {
                            case "nar" -> nars.put(NarState.ofCode(rs.getString("s")), n);
                            case "chunk" -> chunks.put(ChunkState.ofCode(rs.getString("s")), n);
                            default -> totals.put(table, n);
                        }
                        return table;
                    })
                    .list();
            return new MetadataStats(totals.get("cache"), totals.get("object"), nars, chunks,
                    totals.get("chunkref"));
        });
    }
}
