package dev.attic.http.bench;

import dev.attic.auth.CacheNamePattern;
import dev.attic.auth.CachePermissions;
import dev.attic.auth.Permission;
import dev.attic.auth.Token;
import dev.attic.auth.TokenKey;
import dev.attic.cache.CacheName;
import dev.attic.chunking.ChunkingSettings;
import dev.attic.engine.Attic;
import dev.attic.engine.CachePatch;
import dev.attic.engine.Caller;
import dev.attic.metadata.jdbi.JdbiMetadata;
import dev.attic.storage.fs.FileSystemStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The embedded default set-up in a directory: the engine over {@link FileSystemStorage} and SQLite,
 * an HS256 token key, an admin caller and one public cache, {@value #CACHE}.
 */
final class BenchEngine implements AutoCloseable {
    static final String CACHE = "bench";

    final Path dir;
    final FileSystemStorage storage;
    final JdbiMetadata metadata;
    final Attic attic;
    final TokenKey tokenKey;
    final Caller admin;

    private BenchEngine(Path dir, Path storageDir, ChunkingSettings chunking) {
        this.dir = dir;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.tokenKey = TokenKey.hs256(secret);
        this.storage = FileSystemStorage.at(storageDir);
        this.metadata = JdbiMetadata.sqlite(dir.resolve("attic.db"));
        this.attic = Attic.builder().storage(storage).metadata(metadata)
                .tokenVerifier(tokenKey.verifier(Clock.systemUTC())).chunking(chunking).build();
        this.admin = Caller.of(adminToken());
    }

    /** A fresh engine in {@code dir} (created; must be empty) with the public cache {@value #CACHE}. */
    static BenchEngine create(Path dir) throws IOException {
        return create(dir, dir.resolve("storage"));
    }

    /** A fresh engine whose metadata is in {@code dir} and whose storage is {@code storageDir} (which may hold files already). */
    static BenchEngine create(Path dir, Path storageDir) throws IOException {
        return create(dir, storageDir, ChunkingSettings.DEFAULT);
    }

    /** A fresh engine as {@link #create(Path, Path)}, with these chunking settings. */
    static BenchEngine create(Path dir, Path storageDir, ChunkingSettings chunking) throws IOException {
        Files.createDirectories(dir);
        BenchEngine engine = new BenchEngine(dir, storageDir, chunking);
        engine.attic.createCache(engine.admin, CacheName.of(CACHE),
                CachePatch.builder().isPublic(true).generateKeypair().build());
        return engine;
    }

    Token adminToken() {
        return Token.of("bench", Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)))
                .withGrant(CacheNamePattern.of("*"), CachePermissions.of(Permission.values()));
    }

    String signedAdminToken() {
        return tokenKey.sign(adminToken());
    }

    /** Bytes of all files under the storage directory (chunk files as stored, compressed). */
    long storedBytes() throws IOException {
        try (Stream<Path> files = Files.walk(storage.directory())) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Override
    public void close() {
        attic.close();
        metadata.close();
        storage.close();
    }

    /** Deletes a directory tree (the benchmark's scratch data). */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
