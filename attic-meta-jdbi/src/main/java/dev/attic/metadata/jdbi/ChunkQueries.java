package dev.attic.metadata.jdbi;

import dev.attic.ConflictException;
import dev.attic.ErrorCode;
import dev.attic.metadata.ChunkRecord;
import dev.attic.metadata.ChunkUse;
import dev.attic.metadata.NewChunk;
import dev.attic.metadata.WrittenChunk;
import dev.attic.metadata.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Chunks: dedup with a lease, the pending-to-valid step with its race, corruption. */
final class ChunkQueries {
    private final Database db;

    ChunkQueries(Database db) {
        this.db = db;
    }

    Optional<ChunkRecord> leaseValid(String chunkHash, String compression, Duration lease) {
        Checks.sha256(chunkHash);
        Checks.compression(compression);
        long until = leaseEnd(lease);
        // Most chunks of a new upload are new: a read (no write lock, no transaction to commit)
        // answers those. A chunk that turns valid just after this read is stored again, and
        // markValid then keeps the first valid copy, as for two uploads racing.
        boolean stored = db.read("find chunk", h -> h.createQuery("SELECT 1 FROM chunk"
                        + " WHERE chunk_hash = :hash AND compression = :compression AND state = 'V'")
                .bind("hash", chunkHash)
                .bind("compression", compression)
                .mapTo(Integer.class)
                .findFirst()
                .isPresent());
        if (!stored) {
            return Optional.empty();
        }
        return db.write("lease chunk", h -> h.createQuery("UPDATE chunk SET lease_until = " + Leases.EXTEND
                        + " WHERE chunk_hash = :hash AND compression = :compression AND state = 'V'"
                        + " RETURNING " + Rows.chunkColumns(null))
                .bind("hash", chunkHash)
                .bind("compression", compression)
                .bind("until", until)
                .map((rs, ctx) -> Rows.chunk(rs))
                .findOne());
    }

    ChunkRecord insertPending(NewChunk chunk, Duration lease) {
        Objects.requireNonNull(chunk, "chunk");
        long until = leaseEnd(lease);
        return db.write("insert pending chunk", h -> insertPending(h, chunk, until));
    }

    /** Many pending chunks in one transaction: one commit (and one writer-lock turn) per batch. */
    List<ChunkRecord> insertPending(List<NewChunk> chunks, Duration lease) {
        chunks.forEach(c -> Objects.requireNonNull(c, "chunk"));
        long until = leaseEnd(lease);
        if (chunks.isEmpty()) {
            return List.of();
        }
        return db.write("insert pending chunks", h -> {
            List<ChunkRecord> rows = new ArrayList<>(chunks.size());
            for (NewChunk chunk : chunks) {
                rows.add(insertPending(h, chunk, until));
            }
            return List.copyOf(rows);
        });
    }

    private ChunkRecord insertPending(Handle h, NewChunk chunk, long until) {
        return h.createQuery("INSERT INTO chunk (state, chunk_hash, compression, chunk_size, storage_key, created_at,"
                        + " lease_until) VALUES ('P', :hash, :compression, :size, :key, :now, :until)"
                        + " RETURNING " + Rows.chunkColumns(null))
                .bind("hash", chunk.chunkHash())
                .bind("compression", chunk.compression())
                .bind("size", chunk.chunkSize())
                .bind("key", chunk.storageKey())
                .bind("now", db.now())
                .bind("until", until)
                .map((rs, ctx) -> Rows.chunk(rs))
                .one();
    }

    ChunkRecord markValid(long chunkId, String fileHash, long fileSize) {
        Checks.sha256(fileHash);
        Checks.positive("fileSize", fileSize);
        return db.write("mark chunk valid", h -> markValid(h, new WrittenChunk(chunkId, fileHash, fileSize)))
                .orElseThrow(() -> new ConflictException(ErrorCode.STALE_UPLOAD, "chunk " + chunkId
                        + " is no longer pending (aborted, or its lease expired and it was reaped)"));
    }

    /**
     * Many chunks marked valid in one transaction, with a few statements per batch and one per
     * chunk (instead of four per chunk): the batch's pending rows are locked at once, the valid
     * rows of the same hashes leased at once, then each chunk is made valid (or deleted, if
     * another uploader's copy won). Rows of other uploads are locked in ascending id order, as
     * {@code appendChunkRefs} does, so two uploads of overlapping NARs do not deadlock on
     * PostgreSQL; this batch's own rows are then taken in chunk hash order.
     */
    List<Optional<ChunkRecord>> markValid(List<WrittenChunk> chunks) {
        chunks.forEach(c -> Objects.requireNonNull(c, "chunk"));
        if (chunks.isEmpty()) {
            return List.of();
        }
        return db.write("mark chunks valid", h -> {
            // the batch's rows that are still pending, locked (the collector cannot take them now)
            Map<Long, ChunkRecord> own = new HashMap<>();
            for (List<WrittenChunk> part : Database.batches(chunks)) {
                h.createQuery("UPDATE chunk SET lease_until = lease_until WHERE id IN (<ids>) AND state = 'P'"
                                + " RETURNING " + Rows.chunkColumns(null))
                        .bindList("ids", part.stream().map(WrittenChunk::chunkId).collect(Collectors.toList()))
                        .map((rs, ctx) -> Rows.chunk(rs))
                        .forEach(c -> own.put(c.id(), c));
            }
            long minimum = db.now() + db.referenceGraceMillis;
            // the valid chunks of the same hashes (another uploader's), leased for this upload
            Map<String, List<ChunkRecord>> byCompression = own.values().stream()
                    .collect(Collectors.groupingBy(ChunkRecord::compression, TreeMap::new, Collectors.toList()));
            Map<List<String>, ChunkRecord> valid = new HashMap<>();
            for (Map.Entry<String, List<ChunkRecord>> group : byCompression.entrySet()) {
                long until = group.getValue().stream().mapToLong(c -> leaseAfterValidation(c, minimum)).max().orElse(minimum);
                List<String> hashes = group.getValue().stream().map(ChunkRecord::chunkHash).distinct().sorted()
                        .collect(Collectors.toList());
                // found first, then locked by ascending id, the order appendChunkRefs locks chunks
                // in: locking them by hash deadlocked against other uploads' appends on PostgreSQL
                TreeSet<Long> ids = new TreeSet<>();
                for (List<String> part : Database.batches(hashes)) {
                    ids.addAll(h.createQuery("SELECT id FROM chunk WHERE compression = :compression"
                                    + " AND state = 'V' AND chunk_hash IN (<hashes>)")
                            .bind("compression", group.getKey())
                            .bindList("hashes", part)
                            .mapTo(Long.class)
                            .list());
                }
                db.lockChunksInIdOrder(h, ids);
                for (List<Long> part : Database.batches(new ArrayList<>(ids))) {
                    h.createQuery("UPDATE chunk SET lease_until = " + Leases.EXTEND + " WHERE id IN (<ids>)"
                                    + " AND state = 'V' RETURNING " + Rows.chunkColumns(null))
                            .bind("until", until)
                            .bindList("ids", part)
                            .map((rs, ctx) -> Rows.chunk(rs))
                            .forEach(c -> valid.put(List.of(c.chunkHash(), c.compression()), c));
                }
            }
            Integer[] order = new Integer[chunks.size()];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparing((Integer i) -> {
                ChunkRecord c = own.get(chunks.get(i).chunkId());
                return c == null ? "" : c.chunkHash();
            }).thenComparingLong(i -> chunks.get(i).chunkId()));
            List<Optional<ChunkRecord>> out = new ArrayList<>(Collections.nCopies(chunks.size(), Optional.empty()));
            List<ChunkRecord> madeValid = new ArrayList<>();
            for (int i : order) {
                WrittenChunk written = chunks.get(i);
                ChunkRecord pending = own.get(written.chunkId());
                if (pending == null) {
                    continue; // no longer pending: empty
                }
                List<String> key = List.of(pending.chunkHash(), pending.compression());
                ChunkRecord winner = valid.get(key);
                if (winner != null) {
                    // Keep file hash and size: the file exists and the collector deletes it.
                    h.createUpdate("UPDATE chunk SET state = 'D', lease_until = NULL, file_hash = :fileHash,"
                                    + " file_size = :fileSize WHERE id = :id")
                            .bind("id", written.chunkId()).bind("fileHash", written.fileHash())
                            .bind("fileSize", written.fileSize())
                            .execute();
                    out.set(i, Optional.of(winner));
                    continue;
                }
                // A concurrent validation of the same (hash, compression) on PostgreSQL fails here
                // with a unique violation once the other commits; Database.write runs this again.
                ChunkRecord made = h.createQuery("UPDATE chunk SET state = 'V', file_hash = :fileHash,"
                                + " file_size = :fileSize, lease_until = :until WHERE id = :id"
                                + " RETURNING " + Rows.chunkColumns(null))
                        .bind("id", written.chunkId())
                        .bind("fileHash", written.fileHash())
                        .bind("fileSize", written.fileSize())
                        .bind("until", leaseAfterValidation(pending, minimum))
                        .map((rs, ctx) -> Rows.chunk(rs))
                        .one();
                valid.put(key, made); // a later copy of the same chunk in this batch references this one
                madeValid.add(made);
                out.set(i, Optional.of(made));
            }
            moveReferencesOffCorruptCopies(h, madeValid);
            return List.copyOf(out);
        });
    }

    /** How long a chunk stays leased once valid: its upload's lease, and at least the reference grace. */
    private static long leaseAfterValidation(ChunkRecord pending, long minimum) {
        return pending.leaseUntil() == null ? minimum : Math.max(minimum, pending.leaseUntil().toEpochMilli());
    }

    /** References to a corrupt chunk move to the new valid chunk of the same hash and compression. */
    private void moveReferencesOffCorruptCopies(Handle h, List<ChunkRecord> madeValid) {
        if (madeValid.isEmpty()) {
            return;
        }
        Map<List<String>, ChunkRecord> byKey = new HashMap<>();
        madeValid.forEach(c -> byKey.put(List.of(c.chunkHash(), c.compression()), c));
        List<String> hashes = madeValid.stream().map(ChunkRecord::chunkHash).distinct().sorted().collect(Collectors.toList());
        List<List<String>> corrupt = new ArrayList<>();
        for (List<String> part : Database.batches(hashes)) {
            h.createQuery("SELECT DISTINCT chunk_hash, compression FROM chunk WHERE state = 'C' AND chunk_hash IN (<hashes>)")
                    .bindList("hashes", part)
                    .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2)))
                    .forEach(corrupt::add);
        }
        for (List<String> key : corrupt) {
            ChunkRecord replacement = byKey.get(key);
            if (replacement == null) {
                continue; // corrupt in another compression than the one made valid
            }
            h.createUpdate("UPDATE chunkref SET chunk_id = :id WHERE chunk_id IN (SELECT c.id FROM chunk c"
                            + " WHERE c.chunk_hash = :hash AND c.compression = :compression AND c.state = 'C')")
                    .bind("id", replacement.id())
                    .bind("hash", key.get(0))
                    .bind("compression", key.get(1))
                    .execute();
        }
    }

    /** The pending-to-valid step of one chunk inside a transaction; empty if it is no longer pending. */
    private Optional<ChunkRecord> markValid(Handle h, WrittenChunk written) {
        long chunkId = written.chunkId();
        Optional<ChunkRecord> pending = h.createQuery("UPDATE chunk SET lease_until = lease_until"
                        + " WHERE id = :id AND state = 'P' RETURNING " + Rows.chunkColumns(null))
                .bind("id", chunkId)
                .map((rs, ctx) -> Rows.chunk(rs))
                .findOne();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        ChunkRecord own = pending.get();
        long minimum = db.now() + db.referenceGraceMillis;
        long until = own.leaseUntil() == null ? minimum : Math.max(minimum, own.leaseUntil().toEpochMilli());
        Optional<ChunkRecord> winner = h.createQuery("UPDATE chunk SET lease_until = " + Leases.EXTEND
                        + " WHERE chunk_hash = :hash AND compression = :compression AND state = 'V'"
                        + " RETURNING " + Rows.chunkColumns(null))
                .bind("hash", own.chunkHash())
                .bind("compression", own.compression())
                .bind("until", until)
                .map((rs, ctx) -> Rows.chunk(rs))
                .findOne();
        if (winner.isPresent()) {
            // Keep file hash and size: the file exists and the collector deletes it.
            h.createUpdate("UPDATE chunk SET state = 'D', lease_until = NULL, file_hash = :fileHash,"
                            + " file_size = :fileSize WHERE id = :id")
                    .bind("id", chunkId).bind("fileHash", written.fileHash()).bind("fileSize", written.fileSize())
                    .execute();
            return winner;
        }
        // A concurrent validation of the same (hash, compression) on PostgreSQL fails here with a
        // unique violation once the other commits; Database.write runs this again.
        ChunkRecord valid = h.createQuery("UPDATE chunk SET state = 'V', file_hash = :fileHash,"
                        + " file_size = :fileSize, lease_until = :until WHERE id = :id"
                        + " RETURNING " + Rows.chunkColumns(null))
                .bind("id", chunkId)
                .bind("fileHash", written.fileHash())
                .bind("fileSize", written.fileSize())
                .bind("until", until)
                .map((rs, ctx) -> Rows.chunk(rs))
                .one();
        h.createUpdate("UPDATE chunkref SET chunk_id = :id WHERE chunk_id IN (SELECT c.id FROM chunk c"
                        + " WHERE c.chunk_hash = :hash AND c.compression = :compression AND c.state = 'C')")
                .bind("id", chunkId)
                .bind("hash", own.chunkHash())
                .bind("compression", own.compression())
                .execute();
        return Optional.of(valid);
    }

    boolean markCorrupt(long chunkId) {
        return db.write("mark chunk corrupt", h -> h.createUpdate(
                        "UPDATE chunk SET state = 'C' WHERE id = :id AND state = 'V'")
                .bind("id", chunkId)
                .execute()) > 0;
    }

    void abort(long chunkId) {
        db.write("abort chunk", h -> h.createUpdate(
                        "UPDATE chunk SET state = 'D', lease_until = NULL WHERE id = :id AND state = 'P'")
                .bind("id", chunkId)
                .execute());
    }

    List<ChunkRecord> list(long afterId, int limit) {
        Checks.positive("limit", limit);
        return db.read("list chunks", h -> h.createQuery("SELECT " + Rows.chunkColumns(null)
                        + " FROM chunk WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId)
                .bind("limit", limit)
                .map((rs, ctx) -> Rows.chunk(rs))
                .list());
    }

    List<ChunkUse> uses(long chunkId, int limit) {
        Checks.positive("limit", limit);
        return db.read("chunk uses", h -> h.createQuery("SELECT DISTINCT c.name, o.store_path, n.nar_hash"
                        + " FROM chunkref r JOIN nar n ON n.id = r.nar_id JOIN object o ON o.nar_id = n.id"
                        + " JOIN cache c ON c.id = o.cache_id WHERE r.chunk_id = :id"
                        + " ORDER BY c.name, o.store_path LIMIT :limit")
                .bind("id", chunkId)
                .bind("limit", limit)
                .map((rs, ctx) -> new ChunkUse(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list());
    }

    private long leaseEnd(Duration lease) {
        Checks.positive("lease (ms)", lease.toMillis());
        return db.now() + lease.toMillis();
    }
}
