package dev.attic.metadata.jdbi;

import dev.attic.BackendException;
import dev.attic.BadInputException;
import dev.attic.ConflictException;
import dev.attic.ErrorCode;
import dev.attic.metadata.ChunkRef;
import dev.attic.metadata.CommittedNar;
import dev.attic.metadata.NarRecord;
import dev.attic.metadata.ObjectInfo;
import dev.attic.metadata.ObjectRecord;
import dev.attic.metadata.internal.Checks;
import dev.attic.references.ReferenceTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** NARs: lookup, chunk references, and the upload (pending, append, commit, abort). */
final class NarQueries {
    private final Database db;

    NarQueries(Database db) {
        this.db = db;
    }

    Optional<NarRecord> findValid(String narHash) {
        Checks.sha256(narHash);
        return db.read("find NAR", h -> h.createQuery(
                        "SELECT " + Rows.narColumns(null) + " FROM nar WHERE nar_hash = :hash AND state = 'V'")
                .bind("hash", narHash)
                .map((rs, ctx) -> Rows.nar(rs))
                .findOne());
    }

    List<ChunkRef> chunkRefs(long narId, int fromSeq, int limit) {
        Checks.notNegative("fromSeq", fromSeq);
        Checks.positive("limit", limit);
        return db.read("read chunk references", h -> h.createQuery(
                        "SELECT r.nar_id, r.seq, " + Rows.chunkColumns("c")
                                + " FROM chunkref r JOIN chunk c ON c.id = r.chunk_id"
                                + " WHERE r.nar_id = :nar AND r.seq >= :from ORDER BY r.seq LIMIT :limit")
                .bind("nar", narId)
                .bind("from", fromSeq)
                .bind("limit", limit)
                .map((rs, ctx) -> new ChunkRef(rs.getLong("nar_id"), rs.getInt("seq"), Rows.chunk(rs)))
                .list());
    }

    boolean isComplete(long narId) {
        return db.read("check NAR completeness", h -> h.createQuery(
                        "SELECT n.num_chunks,"
                                + " (SELECT COUNT(*) FROM chunkref r WHERE r.nar_id = n.id) AS refs,"
                                + " (SELECT COUNT(*) FROM chunkref r JOIN chunk c ON c.id = r.chunk_id"
                                + "  WHERE r.nar_id = n.id AND c.state <> 'V') AS bad"
                                + " FROM nar n WHERE n.id = :nar AND n.state = 'V'")
                .bind("nar", narId)
                .map((rs, ctx) -> rs.getLong("refs") == rs.getLong("num_chunks") && rs.getLong("bad") == 0)
                .findOne()
                .orElse(false));
    }

    NarRecord createPending(String narHash, long narSize, Duration lease) {
        Checks.sha256(narHash);
        Checks.positive("narSize", narSize);
        long until = leaseEnd(lease);
        return db.write("create pending NAR", h -> h.createQuery(
                        "INSERT INTO nar (state, nar_hash, nar_size, num_chunks, created_at, lease_until)"
                                + " VALUES ('P', :hash, :size, 0, :now, :until) RETURNING " + Rows.narColumns(null))
                .bind("hash", narHash)
                .bind("size", narSize)
                .bind("now", db.now())
                .bind("until", until)
                .map((rs, ctx) -> Rows.nar(rs))
                .one());
    }

    void renewLease(long narId, Duration lease) {
        long until = leaseEnd(lease);
        int updated = db.write("renew NAR lease", h -> h.createUpdate(
                        "UPDATE nar SET lease_until = :until WHERE id = :id AND state = 'P'")
                .bind("id", narId)
                .bind("until", until)
                .execute());
        if (updated == 0) {
            throw stale(narId);
        }
    }

    void appendChunkRefs(long narId, int firstSeq, List<Long> chunkIds) {
        Checks.notNegative("firstSeq", firstSeq);
        List<Long> ids = List.copyOf(Objects.requireNonNull(chunkIds, "chunkIds"));
        if (ids.isEmpty()) {
            return;
        }
        // locked in ascending id order, as every transaction that updates chunk rows of other
        // uploads does, so concurrent appends and validations sharing chunks cannot deadlock
        List<Long> distinct = new ArrayList<>(new java.util.TreeSet<>(ids));
        db.write("append chunk references", h -> {
            lockPending(h, narId);
            long taken = h.createQuery("SELECT COUNT(*) FROM chunkref"
                            + " WHERE nar_id = :nar AND seq >= :from AND seq < :to")
                    .bind("nar", narId).bind("from", firstSeq).bind("to", (long) firstSeq + ids.size())
                    .mapTo(Long.class).one();
            if (taken > 0) {
                throw new BadInputException(ErrorCode.BAD_REQUEST, "NAR " + narId
                        + " already has chunk references at positions " + firstSeq + " to "
                        + (firstSeq + ids.size() - 1));
            }
            // Re-check and hold the chunks in this transaction: a garbage collector that has not
            // taken them by now cannot take them any more (the references below keep them after).
            db.lockChunksInIdOrder(h, distinct);
            int held = 0;
            for (List<Long> batch : Database.batches(distinct)) {
                held += h.createUpdate("UPDATE chunk SET lease_until = " + Leases.EXTEND
                                + " WHERE id IN (<ids>) AND state = 'V'")
                        .bind("until", db.now() + db.referenceGraceMillis)
                        .bindList("ids", batch)
                        .execute();
            }
            if (held != distinct.size()) {
                throw new ConflictException(ErrorCode.STALE_UPLOAD, (distinct.size() - held) + " of the "
                        + distinct.size() + " chunks for NAR " + narId
                        + " are no longer valid (lease expired and reaped, or found corrupt): restart the upload");
            }
            PreparedBatch insert = h.prepareBatch(
                    "INSERT INTO chunkref (nar_id, seq, chunk_id) VALUES (:nar, :seq, :chunk)");
            for (int i = 0; i < ids.size(); i++) {
                insert.bind("nar", narId).bind("seq", firstSeq + i).bind("chunk", ids.get(i)).add();
            }
            insert.execute();
            return null;
        });
    }

    CommittedNar commit(long narId, int numChunks, long cacheId, ObjectInfo info) {
        Checks.positive("numChunks", numChunks);
        Objects.requireNonNull(info, "info");
        return db.write("commit NAR", h -> {
            NarRecord pending = lockPending(h, narId);
            Map<String, Object> refs = h.createQuery(
                            "SELECT COUNT(*) AS n, COALESCE(MAX(seq), -1) AS last FROM chunkref WHERE nar_id = :nar")
                    .bind("nar", narId).mapToMap().one();
            long count = ((Number) refs.get("n")).longValue();
            long last = ((Number) refs.get("last")).longValue();
            if (count != numChunks || last != numChunks - 1) {
                throw new BadInputException(ErrorCode.BAD_REQUEST, "NAR " + narId + " has " + count
                        + " chunk references (last position " + last + "), but the commit says "
                        + numChunks);
            }
            ObjectQueries.requireLiveCache(h, cacheId);
            long now = db.now();
            long until = now + db.referenceGraceMillis;
            Optional<NarRecord> winner = h.createQuery("UPDATE nar SET lease_until = " + Leases.EXTEND
                            + " WHERE nar_hash = :hash AND state = 'V' RETURNING " + Rows.narColumns(null))
                    .bind("hash", pending.narHash())
                    .bind("until", until)
                    .map((rs, ctx) -> Rows.nar(rs))
                    .findOne();
            if (winner.isPresent() && hasUnusableChunk(h, winner.get().id())) {
                // The stored NAR lost a chunk (corrupt or missing) that this complete upload did not
                // heal in place (other compression or chunking settings): this upload replaces it.
                // Its objects move here; the broken one goes to the collector.
                h.createUpdate("UPDATE object SET nar_id = :to WHERE nar_id = :from")
                        .bind("to", narId).bind("from", winner.get().id()).execute();
                h.createUpdate("UPDATE nar SET state = 'D', lease_until = NULL WHERE id = :id")
                        .bind("id", winner.get().id()).execute();
                winner = Optional.empty();
            }
            NarRecord nar;
            if (winner.isPresent()) {
                h.createUpdate("UPDATE nar SET state = 'D', lease_until = NULL WHERE id = :id")
                        .bind("id", narId).execute();
                nar = winner.get();
            } else {
                // On PostgreSQL a concurrent commit of the same hash makes this fail with a unique
                // violation once that one commits; Database.write then runs this again and it
                // takes the branch above.
                nar = h.createQuery("UPDATE nar SET state = 'V', num_chunks = :n, lease_until = :until"
                                + " WHERE id = :id RETURNING " + Rows.narColumns(null))
                        .bind("id", narId)
                        .bind("n", numChunks)
                        .bind("until", until)
                        .map((rs, ctx) -> Rows.nar(rs))
                        .one();
            }
            ObjectRecord object = ObjectQueries.upsert(h, cacheId, nar.id(), info, now);
            return new CommittedNar(nar, object, winner.isPresent());
        });
    }

    /** Whether a NAR references a chunk that is not valid (corrupt, or already being deleted). */
    private static boolean hasUnusableChunk(Handle h, long narId) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM chunkref r JOIN chunk c ON c.id = r.chunk_id"
                        + " WHERE r.nar_id = :nar AND c.state <> 'V') AS bad")
                .bind("nar", narId)
                .mapTo(Boolean.class)
                .one();
    }

    void abort(long narId) {
        db.write("abort NAR", h -> h.createUpdate(
                        "UPDATE nar SET state = 'D', lease_until = NULL WHERE id = :id AND state = 'P'")
                .bind("id", narId)
                .execute());
    }

    void recordReferenceTable(long narId, ReferenceTable table) {
        Objects.requireNonNull(table, "table");
        String encoded = table.isEmpty() ? null : Base64.getEncoder().encodeToString(table.encode());
        db.write("record reference table", h -> {
            NarRecord pending = lockPending(h, narId);
            if (!table.isEmpty() && table.reference(table.size() - 1).end() > pending.narSize()) {
                throw new BadInputException(ErrorCode.BAD_REQUEST, "the reference table of NAR " + narId
                        + " reaches byte " + table.reference(table.size() - 1).end() + ", beyond its NarSize "
                        + pending.narSize());
            }
            return h.createUpdate("UPDATE nar SET reference_table = :table WHERE id = :id")
                    .bind("id", narId)
                    .bind("table", encoded)
                    .execute();
        });
    }

    Optional<ReferenceTable> referenceTable(long narId) {
        List<String> stored = db.read("read reference table", h -> h.createQuery(
                        "SELECT reference_table FROM nar WHERE id = :id")
                .bind("id", narId)
                .map((rs, ctx) -> rs.getString(1))
                .list());
        if (stored.isEmpty() || stored.get(0) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ReferenceTable.decode(Base64.getDecoder().decode(stored.get(0))));
        } catch (IllegalArgumentException | BadInputException e) {
            throw new BackendException(ErrorCode.DATABASE_ERROR, "the stored reference table of NAR " + narId
                    + " is malformed: " + e.getMessage(), false, e);
        }
    }

    /** Locks the pending NAR's row for this transaction, or fails if it is no longer pending. */
    private static NarRecord lockPending(Handle h, long narId) {
        return h.createQuery("UPDATE nar SET lease_until = lease_until WHERE id = :id AND state = 'P'"
                        + " RETURNING " + Rows.narColumns(null))
                .bind("id", narId)
                .map((rs, ctx) -> Rows.nar(rs))
                .findOne()
                .orElseThrow(() -> stale(narId));
    }

    private long leaseEnd(Duration lease) {
        Checks.positive("lease (ms)", lease.toMillis());
        return db.now() + lease.toMillis();
    }

    private static ConflictException stale(long narId) {
        return new ConflictException(ErrorCode.STALE_UPLOAD, "NAR " + narId
                + " is no longer pending (committed, aborted, or its lease expired and it was reaped)");
    }
}
