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

    /** The cache columns of table alias {@code alias}, as {@code k_*} (for a join; {@link #CACHE} alone). */
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
        return cache(rs, "");
    }

    /** The cache of a row whose cache columns carry {@code prefix} ({@code ""} or {@code k_}). */
    static CacheRecord cache(ResultSet rs, String prefix) throws SQLException {
        Long retention = nullableLong(rs, prefix + "retention_period_ms");
        CacheConfig config = new CacheConfig(
                rs.getBoolean(prefix + "is_public"),
                rs.getString(prefix + "store_dir"),
                rs.getInt(prefix + "priority"),
                words(rs.getString(prefix + "upstream_cache_key_names")),
                rs.getString(prefix + "keypair"),
                retention == null ? null : Duration.ofMillis(retention));
        return new CacheRecord(rs.getLong(prefix + "id"), rs.getString(prefix + "name"), config,
                Instant.ofEpochMilli(rs.getLong(prefix + "created_at")), instant(rs, prefix + "deleted_at"));
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
