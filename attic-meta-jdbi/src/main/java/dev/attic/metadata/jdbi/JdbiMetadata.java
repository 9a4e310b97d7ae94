package dev.attic.metadata.jdbi;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.metadata.CacheAndObject;
import dev.attic.metadata.CacheConfig;
import dev.attic.metadata.CacheRecord;
import dev.attic.metadata.ChunkRecord;
import dev.attic.metadata.ChunkRef;
import dev.attic.metadata.ChunkUse;
import dev.attic.metadata.CommittedNar;
import dev.attic.metadata.MetadataStats;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.NarRecord;
import dev.attic.metadata.NewChunk;
import dev.attic.metadata.WrittenChunk;
import dev.attic.metadata.ObjectInfo;
import dev.attic.metadata.ObjectRecord;
import dev.attic.metadata.ObjectWithNar;
import dev.attic.references.ReferenceTable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * The {@link MetadataStore} on SQLite, PostgreSQL or libSQL (Turso). Opening one runs the schema migrations.
 *
 * <pre>{@code
 * MetadataStore embedded = JdbiMetadata.sqlite(Path.of("/var/lib/attic/metadata.db"));
 * MetadataStore shared = JdbiMetadata.postgres("jdbc:postgresql://db/attic", "attic", password);
 * MetadataStore turso = JdbiMetadata.libsql("libsql://attic-me.turso.io", authToken);
 * MetadataStore tuned = JdbiMetadata.builder().postgres(url, user, password)
 *         .maxConnections(20).statementTimeout(Duration.ofSeconds(10)).build();
 * }</pre>
 *
 * <p>SQLite runs in WAL mode with a busy timeout and foreign keys on; writes go through one
 * connection (SQLite allows one writer at a time), reads through a pool. PostgreSQL uses one
 * bounded pool with a statement timeout. Several servers may share one PostgreSQL database.
 * libSQL (Turso, sqld) runs SQLite's SQL and migrations over Hrana/HTTP; writes go one at a
 * time per store, every HTTP call is bounded by the statement timeout, and reads may come from
 * a {@linkplain Builder#localReplica local replica}. Several servers may share one libSQL database.
 */
public final class JdbiMetadata implements MetadataStore {
    private final List<Runnable> closers;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CacheQueries caches;
    private final ObjectQueries objects;
    private final NarQueries nars;
    private final ChunkQueries chunks;
    private final GarbageQueries garbage;

    private JdbiMetadata(Database db, List<Runnable> closers) {
        this.closers = List.copyOf(closers);
        this.caches = new CacheQueries(db);
        this.objects = new ObjectQueries(db);
        this.nars = new NarQueries(db);
        this.chunks = new ChunkQueries(db);
        this.garbage = new GarbageQueries(db);
    }

    /** SQLite in this file (created if absent), with the defaults of {@link Builder}. */
    public static JdbiMetadata sqlite(Path file) {
        return builder().sqlite(file).build();
    }

    /** PostgreSQL at this JDBC URL, with the defaults of {@link Builder}. */
    public static JdbiMetadata postgres(String jdbcUrl, String user, String password) {
        return builder().postgres(jdbcUrl, user, password).build();
    }

    /**
     * libSQL (Turso or sqld) at this URL ({@code libsql://…}, {@code https://…} or
     * {@code http://host:port}), with the defaults of {@link Builder}.
     *
     * @param authToken the database's auth token, or null for a server without auth
     */
    public static JdbiMetadata libsql(String url, String authToken) {
        return builder().libsql(url, authToken).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings for opening a {@link JdbiMetadata}; choose a database, then {@link #build()}. */
    public static final class Builder {
        private Path sqliteFile;
        private String jdbcUrl;
        private String user;
        private String password;
        private DataSource dataSource;
        private String libsqlUrl;
        private String authToken;
        private Path replicaFile;
        private Duration syncInterval;
        private Clock clock = Clock.systemUTC();
        private int maxConnections = 10;
        private Duration statementTimeout = Duration.ofSeconds(30);
        private Duration connectionTimeout = Duration.ofSeconds(30);
        private Duration referenceGrace = Duration.ofMinutes(2);

        private Builder() {}

        /** SQLite in this file. */
        public Builder sqlite(Path file) {
            this.sqliteFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** PostgreSQL at this JDBC URL; this store owns the pool. */
        public Builder postgres(String jdbcUrl, String user, String password) {
            if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new BadInputException(ErrorCode.BAD_REQUEST,
                        "a PostgreSQL JDBC URL starts with jdbc:postgresql: (got " + jdbcUrl + ")");
            }
            this.jdbcUrl = jdbcUrl;
            this.user = user;
            this.password = password;
            return this;
        }

        /**
         * PostgreSQL through a pool the caller owns (and closes); it should bound its size and set
         * a statement timeout itself.
         */
        public Builder postgres(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * libSQL (Turso, or a self-hosted sqld) over Hrana/HTTP, with SQLite's SQL and migrations.
         * Every HTTP call is bounded by {@link #statementTimeout}; writes of this store go one at a
         * time, as on SQLite.
         *
         * @param url {@code libsql://host} (HTTPS), {@code https://host} or {@code http://host:port}
         * @param authToken the database's auth token (a JWT), or null for a server without auth
         */
        public Builder libsql(String url, String authToken) {
            if (url == null || !(url.startsWith("libsql://") || url.startsWith("https://")
                    || url.startsWith("http://"))) {
                throw new BadInputException(ErrorCode.BAD_REQUEST,
                        "a libSQL URL starts with libsql://, https:// or http:// (got " + url + ")");
            }
            this.libsqlUrl = url;
            this.authToken = authToken;
            return this;
        }

        /**
         * With {@link #libsql}: serve reads from a local SQLite copy of the database in this file
         * (replaced, never written in place), refreshed every {@code syncInterval} and after each
         * write of this store. Writes always go to the primary. A read sees every write of this
         * store that returned before it began, and never reflects the primary as it was more than
         * {@code 2 * syncInterval} earlier: when the copy cannot promise both, the read goes to
         * the primary. See docs/libsql.md.
         */
        public Builder localReplica(Path file, Duration syncInterval) {
            this.replicaFile = Objects.requireNonNull(file, "file");
            if (syncInterval == null || syncInterval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new BadInputException(ErrorCode.BAD_REQUEST,
                        "the replica's sync interval must be at least one second, was " + syncInterval);
            }
            this.syncInterval = syncInterval;
            return this;
        }

        /** Where time comes from (lease ends, access times, retention); tests pass their own. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The most connections the store opens (readers on SQLite; everything on PostgreSQL). */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 2 || maxConnections > 1000) {
                throw new BadInputException(ErrorCode.BAD_REQUEST,
                        "maxConnections must be 2 to 1000, was " + maxConnections);
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /** How long one statement may run on PostgreSQL (and a SQLite writer may wait for the lock). */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = positive("statementTimeout", timeout);
            return this;
        }

        /** How long a caller waits for a free connection before a transient error. */
        public Builder connectionTimeout(Duration timeout) {
            this.connectionTimeout = positive("connectionTimeout", timeout);
            return this;
        }

        /**
         * How long a NAR or chunk stays held after an operation referenced it (commit, attach,
         * append). It covers a garbage collector whose scan started just before that operation
         * committed, so it must exceed the statement timeout. Default two minutes.
         */
        public Builder referenceGrace(Duration grace) {
            this.referenceGrace = positive("referenceGrace", grace);
            return this;
        }

        /**
         * Opens the pool and runs the migrations.
         *
         * @throws dev.attic.BackendException {@code DATABASE_ERROR} if the database cannot be
         *     reached or migrated (transient when it cannot be reached)
         */
        public JdbiMetadata build() {
            int chosen = (sqliteFile != null ? 1 : 0) + (jdbcUrl != null ? 1 : 0) + (dataSource != null ? 1 : 0)
                    + (libsqlUrl != null ? 1 : 0);
            if (chosen != 1) {
                throw new BadInputException(ErrorCode.BAD_REQUEST, "choose exactly one database: sqlite(file),"
                        + " postgres(url, user, password), postgres(dataSource) or libsql(url, authToken)");
            }
            if (referenceGrace.compareTo(statementTimeout) <= 0) {
                throw new BadInputException(ErrorCode.BAD_REQUEST, "referenceGrace (" + referenceGrace
                        + ") must exceed statementTimeout (" + statementTimeout + ")");
            }
            if (replicaFile != null && libsqlUrl == null) {
                throw new BadInputException(ErrorCode.BAD_REQUEST, "a local replica is for libsql(url, authToken) only");
            }
            Connections.Settings settings = new Connections.Settings(sqliteFile, jdbcUrl, user, password,
                    dataSource, libsqlUrl, authToken, replicaFile, syncInterval, maxConnections, statementTimeout,
                    connectionTimeout);
            Connections connections = Connections.open(settings);
            Dialect dialect = sqliteFile != null || libsqlUrl != null ? Dialect.SQLITE : Dialect.POSTGRESQL;
            return new JdbiMetadata(new Database(dialect, connections.reads(), connections.reader(),
                    connections.writer(), clock, referenceGrace, connections.afterWrite()), connections.closers());
        }

        private static Duration positive(String what, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new BadInputException(ErrorCode.BAD_REQUEST, what + " must be positive, was " + d);
            }
            return d;
        }
    }

    @Override
    public CacheRecord createCache(String name, CacheConfig config) {
        return caches.create(name, config);
    }

    @Override
    public Optional<CacheRecord> findCache(String name) {
        return caches.find(name);
    }

    @Override
    public CacheRecord updateCache(String name, CacheConfig config) {
        return caches.update(name, config);
    }

    @Override
    public void softDeleteCache(String name) {
        caches.softDelete(name);
    }

    @Override
    public boolean hardDeleteCache(String name) {
        return caches.hardDelete(name);
    }

    @Override
    public List<CacheRecord> listCaches() {
        return caches.list();
    }

    @Override
    public Optional<ObjectWithNar> findObject(long cacheId, String storePathHash) {
        return objects.find(cacheId, storePathHash);
    }

    @Override
    public Optional<CacheAndObject> findCacheAndObject(String cacheName, String storePathHash) {
        return objects.findWithCache(cacheName, storePathHash);
    }

    @Override
    public List<String> missingPaths(long cacheId, Collection<String> storePathHashes) {
        return objects.missing(cacheId, storePathHashes);
    }

    @Override
    public void touchObjects(Collection<Long> objectIds) {
        objects.touch(objectIds);
    }

    @Override
    public boolean deleteObject(long cacheId, String storePathHash) {
        return objects.delete(cacheId, storePathHash);
    }

    @Override
    public ObjectRecord attachObject(long cacheId, long narId, ObjectInfo info) {
        return objects.attach(cacheId, narId, info);
    }

    @Override
    public Optional<NarRecord> findValidNar(String narHash) {
        return nars.findValid(narHash);
    }

    @Override
    public List<ChunkRef> chunkRefs(long narId, int fromSeq, int limit) {
        return nars.chunkRefs(narId, fromSeq, limit);
    }

    @Override
    public boolean isNarComplete(long narId) {
        return nars.isComplete(narId);
    }

    @Override
    public NarRecord createPendingNar(String narHash, long narSize, Duration lease) {
        return nars.createPending(narHash, narSize, lease);
    }

    @Override
    public void renewNarLease(long narId, Duration lease) {
        nars.renewLease(narId, lease);
    }

    @Override
    public void appendChunkRefs(long narId, int firstSeq, List<Long> chunkIds) {
        nars.appendChunkRefs(narId, firstSeq, chunkIds);
    }

    @Override
    public CommittedNar commitNar(long narId, int numChunks, long cacheId, ObjectInfo info) {
        return nars.commit(narId, numChunks, cacheId, info);
    }

    @Override
    public void abortNar(long narId) {
        nars.abort(narId);
    }

    @Override
    public Optional<ChunkRecord> leaseValidChunk(String chunkHash, String compression, Duration lease) {
        return chunks.leaseValid(chunkHash, compression, lease);
    }

    @Override
    public ChunkRecord insertPendingChunk(NewChunk chunk, Duration lease) {
        return chunks.insertPending(chunk, lease);
    }

    @Override
    public ChunkRecord markChunkValid(long chunkId, String fileHash, long fileSize) {
        return chunks.markValid(chunkId, fileHash, fileSize);
    }

    @Override
    public List<ChunkRecord> insertPendingChunks(List<NewChunk> chunks, Duration lease) {
        return this.chunks.insertPending(chunks, lease);
    }

    @Override
    public List<Optional<ChunkRecord>> markChunksValid(List<WrittenChunk> chunks) {
        return this.chunks.markValid(chunks);
    }

    @Override
    public boolean markChunkCorrupt(long chunkId) {
        return chunks.markCorrupt(chunkId);
    }

    @Override
    public void abortChunk(long chunkId) {
        chunks.abort(chunkId);
    }

    @Override
    public int expireObjects(Duration defaultRetention, int limit) {
        return garbage.expireObjects(defaultRetention, limit);
    }

    @Override
    public int reapNars(int limit) {
        return garbage.reapNars(limit);
    }

    @Override
    public List<ChunkRecord> claimDeadChunks(int limit) {
        return garbage.claimDeadChunks(limit);
    }

    @Override
    public int deleteChunkRows(Collection<Long> chunkIds) {
        return garbage.deleteChunkRows(chunkIds);
    }

    @Override
    public List<ChunkRecord> listChunks(long afterId, int limit) {
        return chunks.list(afterId, limit);
    }

    @Override
    public List<ChunkUse> chunkUses(long chunkId, int limit) {
        return chunks.uses(chunkId, limit);
    }

    @Override
    public MetadataStats stats() {
        return garbage.stats();
    }

    @Override
    public void recordReferenceTable(long narId, ReferenceTable table) {
        nars.recordReferenceTable(narId, table);
    }

    @Override
    public Optional<ReferenceTable> referenceTable(long narId) {
        return nars.referenceTable(narId);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closers.forEach(Runnable::run);
        }
    }
}
