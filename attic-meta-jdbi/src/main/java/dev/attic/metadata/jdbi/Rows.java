package dev.attic.metadata.jdbi;

import dev.attic.metadata.CacheConfig;
import dev.attic.metadata.CacheRecord;
import dev.attic.metadata.ChunkRecord;
import dev.attic.metadata.ChunkState;
import dev.attic.metadata.NarRecord;
import dev.attic.metadata.NarState;
import dev.attic.metadata.ObjectInfo;
import dev.attic.metadata.ObjectRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The column lists and the mapping from rows to records. Columns are selected with a prefix
 * ({@code n_}, {@code c_}, {@code o_}) so one query can read an object and its NAR, or a chunk
 * reference and its chunk.
 */
final class Rows {
    private Rows() {}

    static final String CACHE = "id, name, keypair, is_public, store_dir, priority,"
            + " upstream_cache_key_names, retention_period_ms, created_at, deleted_at";

    private static final List<String> CACHE_COLUMNS = List.of("id", "name", "keypair", "is_public", "store_dir",
            "priority", "upstream_cache_key_names", "retention_period_ms", "created_at", "deleted_at");
    private static final List<String> NAR_COLUMNS =
            List.of("id", "state", "nar_hash", "nar_size", "num_chunks", "created_at", "lease_until");
    private static final List<String> CHUNK_COLUMNS = List.of("id", "state", "chunk_hash", "compression",
            "chunk_size", "storage_key", "file_hash", "file_size", "created_at", "lease_until");
    private static final List<String> OBJECT_COLUMNS = List.of("id", "cache_id", "nar_id", "store_path_hash",
            "store_path", "refs", "deriver", "sigs", "ca", "system", "created_by", "created_at",
            "last_accessed_at");

    /** The cache columns of table alias {@code alias}, as {@code k_*} (for a join; {@link #CACHE} alone), in the order {@link #cacheAt} reads. */
    static String cacheColumns(String alias) {
        return columns(alias, CACHE_COLUMNS, "k_");
    }

    /** The NAR columns of table alias {@code alias} (or unqualified if null), as {@code n_*}. */
    static String narColumns(String alias) {
        return columns(alias, NAR_COLUMNS, "n_");
    }

    static String chunkColumns(String alias) {
        return columns(alias, CHUNK_COLUMNS, "c_");
    }

    static String objectColumns(String alias) {
        return columns(alias, OBJECT_COLUMNS, "o_");
    }

    private static String columns(String alias, List<String> names, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            if (alias != null) {
                sb.append(alias).append('.');
            }
            sb.append(name).append(" AS ").append(prefix).append(name);
        }
        return sb.toString();
    }

    static CacheRecord cache(ResultSet rs) throws SQLException {
        Long retention = nullableLong(rs, "retention_period_ms");
        CacheConfig config = new CacheConfig(
                rs.getBoolean("is_public"),
                rs.getString("store_dir"),
                rs.getInt("priority"),
                words(rs.getString("upstream_cache_key_names")),
                rs.getString("keypair"),
                retention == null ? null : Duration.ofMillis(retention));
        return new CacheRecord(rs.getLong("id"), rs.getString("name"), config,
                Instant.ofEpochMilli(rs.getLong("created_at")), instant(rs, "deleted_at"));
    }

    static NarRecord nar(ResultSet rs) throws SQLException {
        return new NarRecord(
                rs.getLong("n_id"),
                NarState.ofCode(rs.getString("n_state")),
                rs.getString("n_nar_hash"),
                rs.getLong("n_nar_size"),
                rs.getInt("n_num_chunks"),
                Instant.ofEpochMilli(rs.getLong("n_created_at")),
                instant(rs, "n_lease_until"));
    }

    static ChunkRecord chunk(ResultSet rs) throws SQLException {
        Long fileSize = nullableLong(rs, "c_file_size");
        return new ChunkRecord(
                rs.getLong("c_id"),
                ChunkState.ofCode(rs.getString("c_state")),
                rs.getString("c_chunk_hash"),
                rs.getString("c_compression"),
                rs.getLong("c_chunk_size"),
                rs.getString("c_storage_key"),
                rs.getString("c_file_hash"),
                fileSize == null ? -1 : fileSize,
                Instant.ofEpochMilli(rs.getLong("c_created_at")),
                instant(rs, "c_lease_until"));
    }

    static ObjectRecord object(ResultSet rs) throws SQLException {
        ObjectInfo info = new ObjectInfo(
                rs.getString("o_store_path_hash"),
                rs.getString("o_store_path"),
                words(rs.getString("o_refs")),
                rs.getString("o_deriver"),
                words(rs.getString("o_sigs")),
                rs.getString("o_ca"),
                rs.getString("o_system"),
                rs.getString("o_created_by"));
        return new ObjectRecord(
                rs.getLong("o_id"),
                rs.getLong("o_cache_id"),
                rs.getLong("o_nar_id"),
                info,
                Instant.ofEpochMilli(rs.getLong("o_created_at")),
                Instant.ofEpochMilli(rs.getLong("o_last_accessed_at")));
    }

    // ---- by position: for the narinfo query, where looking columns up by name costs more than reading them ----

    /** How many columns {@link #cacheColumns}, {@link #objectColumns} and {@link #narColumns} select. */
    static final int CACHE_WIDTH = CACHE_COLUMNS.size();
    static final int OBJECT_WIDTH = OBJECT_COLUMNS.size();

    /** The cache whose {@link #cacheColumns} start at column {@code at} (1-based). */
    static CacheRecord cacheAt(ResultSet rs, int at) throws SQLException {
        Long retention = nullableLong(rs, at + 7);
        CacheConfig config = new CacheConfig(rs.getBoolean(at + 3), rs.getString(at + 4), rs.getInt(at + 5),
                words(rs.getString(at + 6)), rs.getString(at + 2), retention == null ? null : Duration.ofMillis(retention));
        Long deleted = nullableLong(rs, at + 9);
        return new CacheRecord(rs.getLong(at), rs.getString(at + 1), config, Instant.ofEpochMilli(rs.getLong(at + 8)),
                deleted == null ? null : Instant.ofEpochMilli(deleted));
    }

    /** The object whose {@link #objectColumns} start at column {@code at} (1-based). */
    static ObjectRecord objectAt(ResultSet rs, int at) throws SQLException {
        ObjectInfo info = new ObjectInfo(rs.getString(at + 3), rs.getString(at + 4), words(rs.getString(at + 5)),
                rs.getString(at + 6), words(rs.getString(at + 7)), rs.getString(at + 8), rs.getString(at + 9),
                rs.getString(at + 10));
        return new ObjectRecord(rs.getLong(at), rs.getLong(at + 1), rs.getLong(at + 2), info,
                Instant.ofEpochMilli(rs.getLong(at + 11)), Instant.ofEpochMilli(rs.getLong(at + 12)));
    }

    /** The NAR whose {@link #narColumns} start at column {@code at} (1-based); null if its id is NULL. */
    static NarRecord narAt(ResultSet rs, int at) throws SQLException {
        long id = rs.getLong(at);
        if (rs.wasNull()) {
            return null;
        }
        Long lease = nullableLong(rs, at + 6);
        return new NarRecord(id, NarState.ofCode(rs.getString(at + 1)), rs.getString(at + 2), rs.getLong(at + 3),
                rs.getInt(at + 4), Instant.ofEpochMilli(rs.getLong(at + 5)), lease == null ? null : Instant.ofEpochMilli(lease));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** A list of words as stored: space-separated (the records forbid whitespace inside a word). */
    static String joinWords(List<String> words) {
        return String.join(" ", words);
    }

    static List<String> words(String stored) {
        return stored.isEmpty() ? List.of() : Arrays.asList(stored.split(" "));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Long millis = nullableLong(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
