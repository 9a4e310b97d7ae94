package dev.attic.engine;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.LoadingCache;
import com.google.common.cache.CacheLoader;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;
import dev.attic.BadInputException;
import dev.attic.BackendException;
import dev.attic.ErrorCode;
import dev.attic.NotFoundException;
import dev.attic.auth.Permission;
import dev.attic.auth.TokenVerifier;
import dev.attic.cache.CacheName;
import dev.attic.chunking.ChunkingSettings;
import dev.attic.chunking.FastCdc;
import dev.attic.compression.ChunkCompressor;
import dev.attic.compression.Compression;
import dev.attic.metadata.CacheConfig;
import dev.attic.metadata.CacheRecord;
import dev.attic.metadata.ChunkRecord;
import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.ObjectWithNar;
import dev.attic.narinfo.NarInfo;
import dev.attic.nix.StorePath;
import dev.attic.nix.StorePathHash;
import dev.attic.signing.SigningKey;
import dev.attic.storage.Storage;
import dev.attic.storage.StorageKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The cache engine: caches as tenants, uploads with global deduplication, downloads by reassembly,
 * narinfos signed on the fly, and garbage collection, over a {@link Storage} for chunk files and a
 * {@link MetadataStore} for everything else. Every operation takes the {@link Caller} it acts for
 * and checks its permissions; nothing here knows HTTP.
 *
 * <pre>{@code
 * Attic attic = Attic.builder()
 *         .storage(FileSystemStorage.at(dir))
 *         .metadata(JdbiMetadata.sqlite(file))
 *         .tokenVerifier(TokenKey.hs256FromBase64(secret).verifier(Clock.systemUTC()))
 *         .build();
 * }</pre>
 *
 * Thread-safe. {@link #close()} stops the engine's threads; the storage and metadata stay the
 * caller's to close.
 */
public final class Attic implements AutoCloseable {
    private final MetadataStore metadata;
    private final Storage storage;
    private final EngineSettings settings;
    private final TokenVerifier tokenVerifier;
    private final Tenants tenants;
    private final Uploader uploader;
    private final Downloader downloader;
    private final GarbageCollector collector;
    private final StagedFiles staged;
    private final AccessLog accessLog;
    private final ExecutorService workers;
    private final ExecutorService chunkWriters;
    private final ScheduledExecutorService schedule;
    private final SecureRandom random = new SecureRandom();
    private final Signatures signatures = new Signatures();
    private final ServedNarInfos servedNarInfos = new ServedNarInfos(signatures);
    private final LoadingCache<String, SigningKey> signingKeys = CacheBuilder.newBuilder()
            .maximumSize(1024)
            .build(CacheLoader.from(SigningKey::parse));

    private Attic(Builder b) {
        this.metadata = b.metadata;
        this.storage = b.storage;
        this.settings = new EngineSettings(b.chunking, b.compression, b.compressionLevel, b.uploadLease,
                b.maxChunksInFlight, b.requireProofOfPossession, b.downloadReadAhead, b.checkChunksBeforeServing,
                Optional.ofNullable(b.redirectExpiry), b.defaultRetention, b.gcBatchSize, b.stagingExpiry);
        this.tokenVerifier = b.tokenVerifier;
        this.tenants = new Tenants(metadata);
        this.workers = Executors.newFixedThreadPool(b.workerThreads,
                new ThreadFactoryBuilder().setNameFormat("attic-worker-%d").setDaemon(true).build());
        this.schedule = Executors.newScheduledThreadPool(2,
                new ThreadFactoryBuilder().setNameFormat("attic-schedule-%d").setDaemon(true).build());
        this.accessLog = new AccessLog(metadata);
        this.schedule.scheduleWithFixedDelay(this::flushAccessLog, 5, 5, TimeUnit.SECONDS);
        this.chunkWriters = Executors.newFixedThreadPool(b.storageThreads,
                new ThreadFactoryBuilder().setNameFormat("attic-chunk-writer-%d").setDaemon(true).build());
        this.uploader = new Uploader(metadata, storage, settings, FastCdc.of(b.chunking),
                b.compressor != null ? b.compressor : new ChunkCompressor(b.compression, b.compressionLevel),
                workers, chunkWriters, b.clock);
        this.downloader = new Downloader(metadata, storage, settings, workers);
        this.staged = new StagedFiles(storage, b.clock);
        this.collector = new GarbageCollector(metadata, storage, settings, staged);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- who is asking ----

    /**
     * The caller a request acts for: anonymous without a token, else the verified token's holder.
     *
     * @throws dev.attic.AccessDeniedException {@code UNAUTHORIZED} for a token that does not verify
     */
    public Caller authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Caller.anonymous();
        }
        return Caller.of(tokenVerifier.verify(token.strip()));
    }

    // ---- caches ----

    /** Creates a cache; needs the create-cache permission on its name. */
    public CacheInfo createCache(Caller caller, CacheName name, CachePatch patch) {
        tenants.requireGranted(caller, name, Permission.CREATE_CACHE);
        SigningKey key = patch.keypair().orElseGet(() -> generateKey(name));
        CacheConfig config = new CacheConfig(
                patch.isPublic().orElse(false),
                patch.storeDir().orElse(StorePath.DEFAULT_STORE_DIR),
                patch.priority().orElse(41),
                patch.upstreamCacheKeyNames().orElse(List.of("cache.nixos.org-1")),
                key.toNixFormat(),
                patch.retention().flatMap(Retention::period).orElse(null));
        return info(metadata.createCache(name.value(), config));
    }

    /**
     * Changes a cache's settings: the configure permission for anything but retention, the
     * configure-retention permission for retention.
     */
    public CacheInfo configureCache(Caller caller, CacheName name, CachePatch patch) {
        Tenants.Tenant tenant = tenants.require(caller, name, firstNeeded(patch));
        if (patch.changesConfiguration()) {
            tenant.permissions().require(Permission.CONFIGURE_CACHE);
        }
        if (patch.changesRetention()) {
            tenant.permissions().require(Permission.CONFIGURE_CACHE_RETENTION);
        }
        CacheConfig now = tenant.cache().config();
        String keypair = patch.keypair().map(SigningKey::toNixFormat)
                .orElseGet(() -> patch.generateKeypair() ? generateKey(name).toNixFormat() : now.keypair());
        CacheConfig next = new CacheConfig(
                patch.isPublic().orElse(now.isPublic()),
                patch.storeDir().orElse(now.storeDir()),
                patch.priority().orElse(now.priority()),
                patch.upstreamCacheKeyNames().orElse(now.upstreamCacheKeyNames()),
                keypair,
                patch.retention().isPresent() ? patch.retention().get().period().orElse(null) : now.retentionPeriod());
        return info(metadata.updateCache(name.value(), next));
    }

    private static Permission firstNeeded(CachePatch patch) {
        return patch.changesConfiguration() || !patch.changesRetention()
                ? Permission.CONFIGURE_CACHE
                : Permission.CONFIGURE_CACHE_RETENTION;
    }

    /** A cache's configuration (with its public key); needs pull, which a public cache grants everyone. */
    public CacheInfo cacheInfo(Caller caller, CacheName name) {
        return info(tenants.require(caller, name, Permission.PULL).cache());
    }

    /**
     * Destroys a cache; needs the destroy permission. A soft destroy hides the cache and keeps its
     * name taken; a hard one deletes its store paths too (their NARs and chunks go at the next
     * garbage collection unless another cache shares them).
     */
    public void destroyCache(Caller caller, CacheName name, boolean hard) {
        tenants.require(caller, name, Permission.DESTROY_CACHE);
        if (hard) {
            metadata.hardDeleteCache(name.value());
        } else {
            metadata.softDeleteCache(name.value());
        }
    }

    /** The cache's {@code nix-cache-info}; needs pull. */
    public NixCacheInfo nixCacheInfo(Caller caller, CacheName name) {
        CacheConfig config = tenants.require(caller, name, Permission.PULL).cache().config();
        return new NixCacheInfo(config.storeDir(), true, config.priority());
    }

    // ---- store paths ----

    /**
     * Which of these store path hashes the cache lacks, in one query; needs push (it serves
     * uploads). Each hash is checked; duplicates are answered once.
     */
    public List<String> missingPaths(Caller caller, CacheName name, Collection<String> storePathHashes) {
        Tenants.Tenant tenant = tenants.require(caller, name, Permission.PUSH);
        List<String> checked = storePathHashes.stream().map(h -> StorePathHash.parse(h).value()).toList();
        return metadata.missingPaths(tenant.cache().id(), checked);
    }

    /**
     * Uploads one store path into a cache; needs push. The body is the uncompressed NAR; it is read
     * to its end (also when the NAR is already stored, as proof of possession, unless configured
     * otherwise) and must match the declared NarHash and NarSize.
     *
     * @throws BadInputException for a malformed description or NAR, or a hash or size mismatch;
     *     nothing is then stored that the garbage collector will not reap
     * @throws IOException when reading the body fails for a reason other than its content
     */
    public UploadResult upload(Caller caller, CacheName name, UploadPathInfo info, InputStream nar) throws IOException {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(nar, "nar");
        Tenants.Tenant tenant = tenants.require(caller, name, Permission.PUSH);
        return uploader.upload(tenant, info, nar, caller.subject(), Uploader::clientReadError);
    }

    /** The narinfo of a store path in a cache, signed with the cache's key; needs pull. */
    public NarInfo narInfo(Caller caller, CacheName name, String storePathHash) {
        Tenants.TenantObject lookup = pullLookup(caller, name, storePathHash);
        ObjectWithNar found = lookup.object().orElseThrow(() -> noSuchNar(storePathHash));
        CacheConfig config = lookup.tenant().cache().config();
        NarInfo served = servedNarInfos.of(found, signingKey(config));
        accessLog.record(found.object().id());
        Optional<ChunkRecord> file = redirectable(found);
        if (file.isPresent()) {
            return served.toBuilder()
                    .url(NarInfos.narUrl(storePathHash) + ".zst")
                    .compression(Compression.ZSTD.nixName())
                    .fileHash(dev.attic.nix.Hash.parse(file.get().fileHash()))
                    .fileSize(file.get().fileSize())
                    .build();
        }
        return served;
    }

    /**
     * A store path's NAR, checked before anything is sent; needs pull. A NAR with a chunk known to
     * be bad is refused at once; the presence of every chunk file is checked when the body is
     * written, before its first byte (so a HEAD costs no storage lookups). Writing the body records
     * the access for retention.
     *
     * @param compressed true for the {@code .nar.zst} route a narinfo names for a single-chunk NAR
     *     when redirects are enabled: then the download is a redirect to the stored file
     * @throws dev.attic.BackendException {@code INCOMPLETE_NAR} when a chunk is corrupt or missing
     */
    public NarDownload nar(Caller caller, CacheName name, String storePathHash, boolean compressed) {
        ObjectWithNar found = pullLookup(caller, name, storePathHash).object()
                .orElseThrow(() -> noSuchNar(storePathHash));
        long objectId = found.object().id();
        if (compressed) {
            ChunkRecord chunk = redirectable(found).orElseThrow(() -> noSuchNar(storePathHash));
            URI url = storage.downloadUrl(new StorageKey(chunk.storageKey()), settings.redirectSingleChunkNars().orElseThrow())
                    .orElseThrow(() -> noSuchNar(storePathHash));
            accessLog.record(objectId);
            return NarDownload.redirect(chunk.fileSize(), url);
        }
        return downloader.open(found.nar(), () -> accessLog.record(objectId));
    }

    /** The stored file a single-chunk NAR may be fetched from directly, when redirects are on and possible. */
    private Optional<ChunkRecord> redirectable(ObjectWithNar found) {
        if (settings.redirectSingleChunkNars().isEmpty()) {
            return Optional.empty();
        }
        return downloader.servableSingleChunk(found.nar())
                .filter(c -> storage.downloadUrl(new StorageKey(c.storageKey()), Duration.ofMinutes(1)).isPresent());
    }

    /**
     * Throws unless the caller holds {@code permission} on the cache, with the same answers as the
     * operations (so an adapter can check before it reads a request's body).
     */
    public void authorize(Caller caller, CacheName name, Permission permission) {
        tenants.require(caller, name, permission);
    }

    private SigningKey signingKey(CacheConfig config) {
        try {
            return signingKeys.getUnchecked(config.keypair());
        } catch (UncheckedExecutionException e) {
            throw new BackendException(ErrorCode.INTERNAL, "a cache has an unreadable keypair", false, e.getCause());
        }
    }

    private void flushAccessLog() {
        try {
            accessLog.flush();
        } catch (RuntimeException e) {
            System.getLogger(Attic.class.getName()).log(System.Logger.Level.WARNING, "recording access times failed", e);
        }
    }

    /**
     * The cache (if the caller may pull from it) and the object for a store path, in one metadata
     * query. A malformed hash is refused only after the permission check, as before the lookup
     * became one query: who may not learn of the cache learns nothing from the hash either.
     */
    private Tenants.TenantObject pullLookup(Caller caller, CacheName name, String storePathHash) {
        StorePathHash hash;
        try {
            hash = StorePathHash.parse(storePathHash);
        } catch (BadInputException e) {
            tenants.require(caller, name, Permission.PULL);
            throw e;
        }
        return tenants.require(caller, name, Permission.PULL, hash.value());
    }

    private static NotFoundException noSuchNar(String storePathHash) {
        return new NotFoundException(ErrorCode.NO_SUCH_OBJECT, "no store path with hash " + storePathHash + " in this cache");
    }

    // ---- what a plain `nix copy --to http://...` sends ----

    /**
     * Keeps a NAR file that {@code nix copy} uploads ({@code PUT nar/<file hash>.nar[.xz|.zst]})
     * until its narinfo arrives; needs push. The bytes must hash to the file hash in the name.
     *
     * @param length the body's length, or {@link Storage#UNKNOWN_LENGTH}
     */
    public void stageNarFile(Caller caller, CacheName name, String fileName, InputStream body, long length) {
        Tenants.Tenant tenant = tenants.require(caller, name, Permission.PUSH);
        staged.stage(tenant.cache().id(), fileName, body, length);
    }

    /**
     * Completes a {@code nix copy} upload with its narinfo ({@code PUT <hash>.narinfo}); needs push.
     * The NAR file the narinfo's URL names must have been staged in this cache; it is decompressed by
     * the narinfo's Compression and uploaded like any NAR (verified against NarHash and NarSize,
     * chunked, deduplicated), then deleted. Sending the narinfo again for a path the cache already
     * holds with the same NarHash succeeds without a file.
     */
    public UploadResult uploadNarInfo(Caller caller, CacheName name, String storePathHash, NarInfo narInfo, NarDecoder decoder)
            throws IOException {
        Tenants.Tenant tenant = tenants.require(caller, name, Permission.PUSH);
        if (!narInfo.storePath().hashPart().value().equals(storePathHash)) {
            throw new BadInputException(ErrorCode.INVALID_NAR_INFO, "the narinfo for " + storePathHash
                    + " describes another store path: " + narInfo.storePath());
        }
        if (!narInfo.url().startsWith("nar/")) {
            throw new BadInputException(ErrorCode.INVALID_NAR_INFO, "the narinfo's URL must name an uploaded file nar/..., got " + narInfo.url());
        }
        String fileName = narInfo.url().substring("nar/".length());
        long cacheId = tenant.cache().id();
        Optional<StorageKey> file = staged.find(cacheId, fileName);
        UploadPathInfo info = new UploadPathInfo(storePathHash, narInfo.storePath().toString(),
                narInfo.references().stream().map(StorePath::baseName).toList(),
                narInfo.deriver().map(StorePath::baseName),
                narInfo.signatures().stream().map(Object::toString).toList(),
                narInfo.ca(), Optional.empty(), narInfo.narHash().toString(), narInfo.narSize());
        if (file.isEmpty()) {
            Optional<ObjectWithNar> present = metadata.findObject(cacheId, storePathHash);
            if (present.isPresent() && present.get().nar().narHash().equals(narInfo.narHash().toString())) {
                return new UploadResult(UploadResult.Kind.DEDUPLICATED, 0, 1.0, true);
            }
            throw new BadInputException(ErrorCode.BAD_REQUEST, "no NAR file " + narInfo.url()
                    + " was uploaded to this cache before its narinfo (or it expired)");
        }
        UploadResult result;
        try (InputStream stored = storage.open(file.get());
                InputStream nar = decode(decoder, narInfo.compression(), stored)) {
            result = uploader.upload(tenant, info, nar, caller.subject(), Uploader::stagedReadError);
        } catch (BadInputException e) {
            staged.delete(file.get()); // the file itself is bad: a retry cannot help
            throw e;
        }
        // kept on a server-side failure, so that Nix's retry of the narinfo finds it; the expiry reaps it
        staged.delete(file.get());
        return result;
    }

    private static InputStream decode(NarDecoder decoder, String compression, InputStream file) throws IOException {
        try {
            return decoder.decode(compression, file);
        } catch (IOException e) {
            throw Uploader.stagedReadError(e);
        }
    }

    // ---- garbage collection ----

    /** Collects garbage now, until there is none left. */
    public GcReport collectGarbage() {
        return collector.run();
    }

    /** Collects garbage every {@code interval}, on the engine's own thread, until {@link #close()}. */
    public void scheduleGarbageCollection(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the garbage collection interval must be positive, got " + interval);
        }
        long millis = interval.toMillis();
        schedule.scheduleWithFixedDelay(() -> {
            try {
                collector.run();
            } catch (RuntimeException e) {
                // a failed run is retried at the next interval; the report goes to the JVM's logger
                System.getLogger(Attic.class.getName()).log(System.Logger.Level.WARNING, "garbage collection failed", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops scheduled collection (letting a running one finish) and the engine's workers. */
    @Override
    public void close() {
        schedule.shutdown();
        workers.shutdown();
        chunkWriters.shutdown();
        try {
            if (!schedule.awaitTermination(60, TimeUnit.SECONDS)) {
                schedule.shutdownNow();
            }
            flushAccessLog();
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            if (!chunkWriters.awaitTermination(30, TimeUnit.SECONDS)) {
                chunkWriters.shutdownNow();
            }
        } catch (InterruptedException e) {
            schedule.shutdownNow();
            workers.shutdownNow();
            chunkWriters.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private CacheInfo info(CacheRecord cache) {
        CacheConfig config = cache.config();
        SigningKey key = signingKey(config);
        return new CacheInfo(CacheName.of(cache.name()), config.isPublic(), config.storeDir(), config.priority(),
                config.upstreamCacheKeyNames(), key.publicKey(),
                config.retentionPeriod() == null ? Retention.global() : Retention.period(config.retentionPeriod()));
    }

    private SigningKey generateKey(CacheName name) {
        return SigningKey.generate(name.value() + "-1", random);
    }

    /** Builds an {@link Attic}; storage, metadata and a token verifier are required. */
    public static final class Builder {
        private Storage storage;
        private MetadataStore metadata;
        private TokenVerifier tokenVerifier;
        private Clock clock = Clock.systemUTC();
        private ChunkingSettings chunking = ChunkingSettings.DEFAULT;
        private Compression compression = Compression.ZSTD;
        private int compressionLevel = 8;
        private Duration uploadLease = Duration.ofMinutes(10);
        private int workerThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private int storageThreads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        private int maxChunksInFlight = Math.max(16, 2 * Runtime.getRuntime().availableProcessors());
        private boolean requireProofOfPossession = true;
        private int downloadReadAhead = 16;
        private boolean checkChunksBeforeServing = true;
        private Duration redirectExpiry;
        private Duration defaultRetention = Duration.ZERO;
        private int gcBatchSize = 1000;
        private Duration stagingExpiry = Duration.ofDays(1);

        private Builder() {}

        /** Where chunk files are stored. Required. */
        public Builder storage(Storage value) { storage = Objects.requireNonNull(value, "storage"); return this; }

        /** Where caches, objects, NARs and chunks are recorded. Required. */
        public Builder metadata(MetadataStore value) { metadata = Objects.requireNonNull(value, "metadata"); return this; }

        /** How tokens are verified, e.g. {@code TokenKey.hs256FromBase64(secret).verifier(clock)}. Required. */
        public Builder tokenVerifier(TokenVerifier value) { tokenVerifier = Objects.requireNonNull(value, "tokenVerifier"); return this; }

        /** The engine's clock (lease renewal). Default: the system's, in UTC. */
        public Builder clock(Clock value) { clock = Objects.requireNonNull(value, "clock"); return this; }

        /** How NARs are cut into chunks (upstream's {@code [chunking]}). Default: upstream's defaults. */
        public Builder chunking(ChunkingSettings value) { chunking = Objects.requireNonNull(value, "chunking"); return this; }

        private ChunkCompressor compressor;

        /** The compressor itself, instead of {@link #compression}: for tests that write chunk files as older versions did. */
        Builder compressor(ChunkCompressor compressor) {
            this.compressor = Objects.requireNonNull(compressor, "compressor");
            return this;
        }

        /** How new chunks are compressed (upstream's {@code [compression]}). Default: zstd level 8. */
        public Builder compression(Compression type, int level) {
            compression = Objects.requireNonNull(type, "compression");
            compressionLevel = level;
            return this;
        }

        /** How long an upload's rows are safe from the collector without being renewed. Default: 10 minutes. */
        public Builder uploadLease(Duration value) { uploadLease = Objects.requireNonNull(value, "uploadLease"); return this; }

        /** Threads that compress new chunks and fetch chunks for downloads. Default: the cores, at least 2. */
        public Builder workerThreads(int value) { workerThreads = value; return this; }

        /**
         * Threads that record and write compressed chunks, shared by all uploads. They mostly wait
         * (a durable file write is an fsync or an S3 round trip, a chunk row a database
         * transaction), so more of them than cores keep storage busy. Default: 4 per core, at least 8.
         */
        public Builder storageThreads(int value) { storageThreads = value; return this; }

        /**
         * Chunks one upload may have being compressed and written at once, each held in memory (at
         * most max-size raw plus its compressed copy). Default: 16, or twice the cores if more.
         */
        public Builder maxChunksInFlight(int value) { maxChunksInFlight = value; return this; }

        /**
         * Whether an upload of a NAR that is already stored must still send it whole, to prove the
         * uploader has it (else knowing a NarHash would be enough to add its path to a cache). Default: true.
         */
        public Builder requireProofOfPossession(boolean value) { requireProofOfPossession = value; return this; }

        /**
         * Chunks a download fetches ahead of the one it sends, held in memory (at most max-size
         * each). They are fetched in batches of up to 8 consecutive chunks, one task per batch, so
         * 16 means two fetches at once; with a storage of high latency (S3) more batches at once
         * help. Default: 16.
         */
        public Builder downloadReadAhead(int value) { downloadReadAhead = value; return this; }

        /**
         * Whether a download first checks that every chunk file exists (one lookup per chunk), so that
         * a missing file fails the request before any byte is sent. Default: true.
         */
        public Builder checkChunksBeforeServing(boolean value) { checkChunksBeforeServing = value; return this; }

        /**
         * Serves single-chunk NARs by redirect to a download URL of the stored file, valid for
         * {@code expiry}, when the storage can make one. Off by default.
         */
        public Builder redirectSingleChunkNars(Duration expiry) { redirectExpiry = Objects.requireNonNull(expiry, "expiry"); return this; }

        /** How long a cache without its own retention keeps unaccessed paths; zero keeps them forever. Default: zero. */
        public Builder defaultRetention(Duration value) { defaultRetention = Objects.requireNonNull(value, "defaultRetention"); return this; }

        /**
         * How long a NAR file uploaded by {@code nix copy} waits for its narinfo before the collector
         * deletes it. Default: one day.
         */
        public Builder stagingExpiry(Duration value) { stagingExpiry = Objects.requireNonNull(value, "stagingExpiry"); return this; }

        /** Rows the collector handles per batch. Default: 1000. */
        public Builder gcBatchSize(int value) { gcBatchSize = value; return this; }

        /**
         * Builds the engine.
         *
         * @throws IllegalArgumentException naming the first setting that is missing or out of range
         */
        public Attic build() {
            require(storage != null, "storage is required: e.g. .storage(FileSystemStorage.at(dir))");
            require(metadata != null, "metadata is required: e.g. .metadata(JdbiMetadata.sqlite(file))");
            require(tokenVerifier != null, "a token verifier is required: e.g. .tokenVerifier(TokenKey.hs256(secret).verifier(clock))");
            require(chunking.narSizeThreshold() >= 1 && chunking.narSizeThreshold() <= MAX_SINGLE_CHUNK,
                    "chunking's nar-size-threshold must be between 1 and " + MAX_SINGLE_CHUNK
                            + " bytes (a NAR below it is held in memory as one chunk), got " + chunking.narSizeThreshold());
            require(chunking.maxSize() <= MAX_SINGLE_CHUNK, "chunking's max-size must be at most " + MAX_SINGLE_CHUNK
                    + " bytes (chunks being written are held in memory), got " + chunking.maxSize());
            if (compression == Compression.ZSTD) {
                require(compressionLevel >= ChunkCompressor.MIN_ZSTD_LEVEL && compressionLevel <= ChunkCompressor.MAX_ZSTD_LEVEL,
                        "the zstd level must be between 1 and 22, got " + compressionLevel);
            }
            require(uploadLease.compareTo(Duration.ofSeconds(10)) >= 0, "the upload lease must be at least 10 seconds, got " + uploadLease);
            require(workerThreads >= 1 && workerThreads <= 256, "worker threads must be between 1 and 256, got " + workerThreads);
            require(storageThreads >= 1 && storageThreads <= 256, "storage threads must be between 1 and 256, got " + storageThreads);
            require(maxChunksInFlight >= 1 && maxChunksInFlight <= 1024, "chunks in flight must be between 1 and 1024, got " + maxChunksInFlight);
            require(downloadReadAhead >= 1 && downloadReadAhead <= 64, "download read-ahead must be between 1 and 64, got " + downloadReadAhead);
            require(!defaultRetention.isNegative(), "the default retention cannot be negative, got " + defaultRetention);
            require(stagingExpiry.compareTo(Duration.ofMinutes(1)) >= 0, "the staging expiry must be at least a minute, got " + stagingExpiry);
            require(gcBatchSize >= 1 && gcBatchSize <= 100_000, "the GC batch size must be between 1 and 100000, got " + gcBatchSize);
            require(redirectExpiry == null || (!redirectExpiry.isNegative() && !redirectExpiry.isZero()),
                    "the redirect expiry must be positive, got " + redirectExpiry);
            return new Attic(this);
        }

        /** The largest NAR stored as one chunk without running the chunker. */
        static final long MAX_SINGLE_CHUNK = 16L * 1024 * 1024;

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
