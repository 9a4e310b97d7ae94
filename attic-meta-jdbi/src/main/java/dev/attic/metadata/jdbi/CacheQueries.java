package dev.attic.metadata.jdbi;

import dev.attic.ConflictException;
import dev.attic.ErrorCode;
import dev.attic.NotFoundException;
import dev.attic.metadata.CacheConfig;
import dev.attic.metadata.CacheRecord;
import dev.attic.metadata.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/** Caches: create, find, update, soft and hard delete, list. */
final class CacheQueries {
    private final Database db;

    CacheQueries(Database db) {
        this.db = db;
    }

    CacheRecord create(String name, CacheConfig config) {
        Checks.cacheName(name);
        Objects.requireNonNull(config, "config");
        Optional<CacheRecord> created = db.write("create cache " + name, h -> bindConfig(h.createQuery(
                "INSERT INTO cache (name, keypair, is_public, store_dir, priority, upstream_cache_key_names,"
                        + " retention_period_ms, created_at)"
                        + " VALUES (:name, :keypair, :isPublic, :storeDir, :priority, :upstream, :retention, :now)"
                        + " ON CONFLICT (name) DO NOTHING RETURNING " + Rows.CACHE), config)
                .bind("name", name)
                .bind("now", db.now())
                .map((rs, ctx) -> Rows.cache(rs))
                .findOne());
        return created.orElseThrow(() -> new ConflictException(ErrorCode.CACHE_ALREADY_EXISTS,
                "a cache named " + name + " exists (or was soft-deleted and not yet hard-deleted)"));
    }

    Optional<CacheRecord> find(String name) {
        Checks.cacheName(name);
        return db.read("find cache " + name, h -> h.createQuery(
                        "SELECT " + Rows.CACHE + " FROM cache WHERE name = :name AND deleted_at IS NULL")
                .bind("name", name)
                .map((rs, ctx) -> Rows.cache(rs))
                .findOne());
    }

    CacheRecord update(String name, CacheConfig config) {
        Checks.cacheName(name);
        Objects.requireNonNull(config, "config");
        return db.write("update cache " + name, h -> bindConfig(h.createQuery(
                "UPDATE cache SET keypair = :keypair, is_public = :isPublic, store_dir = :storeDir,"
                        + " priority = :priority, upstream_cache_key_names = :upstream,"
                        + " retention_period_ms = :retention"
                        + " WHERE name = :name AND deleted_at IS NULL RETURNING " + Rows.CACHE), config)
                .bind("name", name)
                .map((rs, ctx) -> Rows.cache(rs))
                .findOne())
                .orElseThrow(() -> noSuchCache(name));
    }

    void softDelete(String name) {
        Checks.cacheName(name);
        int updated = db.write("soft-delete cache " + name, h -> h.createUpdate(
                        "UPDATE cache SET deleted_at = :now WHERE name = :name AND deleted_at IS NULL")
                .bind("name", name)
                .bind("now", db.now())
                .execute());
        if (updated == 0) {
            throw noSuchCache(name);
        }
    }

    boolean hardDelete(String name) {
        Checks.cacheName(name);
        return db.write("hard-delete cache " + name, h -> {
            Optional<Long> id = h.createQuery("SELECT id FROM cache WHERE name = :name")
                    .bind("name", name).mapTo(Long.class).findOne();
            if (id.isEmpty()) {
                return false;
            }
            h.createUpdate("DELETE FROM object WHERE cache_id = :id").bind("id", id.get()).execute();
            h.createUpdate("DELETE FROM cache WHERE id = :id").bind("id", id.get()).execute();
            return true;
        });
    }

    List<CacheRecord> list() {
        return db.read("list caches", h -> h.createQuery(
                        "SELECT " + Rows.CACHE + " FROM cache WHERE deleted_at IS NULL ORDER BY name")
                .map((rs, ctx) -> Rows.cache(rs))
                .list());
    }

    static NotFoundException noSuchCache(String name) {
        return new NotFoundException(ErrorCode.NO_SUCH_CACHE, "no cache named " + name);
    }

    private static <S extends SqlStatement<S>> S bindConfig(S statement, CacheConfig config) {
        return statement
                .bind("keypair", config.keypair())
                .bind("isPublic", config.isPublic())
                .bind("storeDir", config.storeDir())
                .bind("priority", config.priority())
                .bind("upstream", Rows.joinWords(config.upstreamCacheKeyNames()))
                .bind("retention", config.retentionPeriod() == null ? null : config.retentionPeriod().toMillis());
    }
}
