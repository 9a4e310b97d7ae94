package dev.attic.examples.server;

import dev.attic.auth.TokenKey;
import dev.attic.engine.Attic;
import dev.attic.metadata.MetadataStore;
import dev.attic.storage.Storage;
import java.time.Clock;

/**
 * What a {@link ServerConfig} names, opened: the storage, the metadata store and the token key.
 * atticd serves them; atticadm works on them directly. Closing closes both stores.
 */
public final class Backends implements AutoCloseable {
    private final ServerConfig config;
    private final Storage storage;
    private final MetadataStore metadata;
    private final TokenKey tokenKey;

    private Backends(ServerConfig config, Storage storage, MetadataStore metadata, TokenKey tokenKey) {
        this.config = config;
        this.storage = storage;
        this.metadata = metadata;
        this.tokenKey = tokenKey;
    }

    /** Opens the metadata store (running its migrations) and the storage. */
    public static Backends open(ServerConfig config) {
        TokenKey key = config.signing().key();
        MetadataStore metadata = config.database().open();
        try {
            return new Backends(config, config.storage().open(), metadata, key);
        } catch (RuntimeException e) {
            metadata.close();
            throw e;
        }
    }

    public ServerConfig config() {
        return config;
    }

    public Storage storage() {
        return storage;
    }

    public MetadataStore metadata() {
        return metadata;
    }

    public TokenKey tokenKey() {
        return tokenKey;
    }

    /** An engine on these stores, set up as the config says (it does not close the stores). */
    public Attic engine() {
        return Attic.builder()
                .storage(storage)
                .metadata(metadata)
                .tokenVerifier(tokenKey.verifier(Clock.systemUTC(), config.boundIssuer(), config.boundAudiences()))
                .chunking(config.chunking())
                .compression(config.compression(), config.compressionLevel())
                .requireProofOfPossession(config.requireProofOfPossession())
                .defaultRetention(config.defaultRetention())
                .build();
    }

    @Override
    public void close() {
        try {
            storage.close();
        } finally {
            metadata.close();
        }
    }
}
