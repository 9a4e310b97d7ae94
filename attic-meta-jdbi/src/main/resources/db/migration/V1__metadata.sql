-- The metadata schema, shared by SQLite and PostgreSQL. The dialect differences are two Flyway
-- placeholders: the id column, and the byte-order collation of hash columns on PostgreSQL. Times are epoch milliseconds (BIGINT) on both databases.
-- States are one letter: P pending, V valid, C corrupt (chunks), D deleted.

CREATE TABLE cache (
    id ${id_column},
    name VARCHAR(50) NOT NULL,
    keypair TEXT NOT NULL,
    is_public BOOLEAN NOT NULL,
    store_dir TEXT NOT NULL,
    priority INTEGER NOT NULL,
    upstream_cache_key_names TEXT NOT NULL,
    retention_period_ms BIGINT,
    created_at BIGINT NOT NULL,
    deleted_at BIGINT
);
-- Also covers soft-deleted caches: a name is free again only after a hard delete.
CREATE UNIQUE INDEX cache_name ON cache (name);

CREATE TABLE nar (
    id ${id_column},
    state VARCHAR(1) NOT NULL,
    nar_hash VARCHAR(59)${bytewise} NOT NULL,
    nar_size BIGINT NOT NULL,
    num_chunks INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    lease_until BIGINT
);
-- NAR by hash (upload dedup) and at most one valid NAR per hash.
CREATE UNIQUE INDEX nar_valid_hash ON nar (nar_hash) WHERE state = 'V';
-- GC scans: pending and deleted NARs.
CREATE INDEX nar_state ON nar (state, lease_until);

CREATE TABLE chunk (
    id ${id_column},
    state VARCHAR(1) NOT NULL,
    chunk_hash VARCHAR(59)${bytewise} NOT NULL,
    compression VARCHAR(16) NOT NULL,
    chunk_size BIGINT NOT NULL,
    storage_key VARCHAR(512) NOT NULL,
    file_hash VARCHAR(59),
    file_size BIGINT,
    created_at BIGINT NOT NULL,
    lease_until BIGINT
);
-- Chunk by (hash, compression) (upload dedup) and at most one valid chunk per pair.
CREATE UNIQUE INDEX chunk_valid_hash ON chunk (chunk_hash, compression) WHERE state = 'V';
-- Corrupt chunks by (hash, compression), to move their references to a replacement.
CREATE INDEX chunk_corrupt_hash ON chunk (chunk_hash, compression) WHERE state = 'C';
-- GC scans by state.
CREATE INDEX chunk_state ON chunk (state, lease_until);

CREATE TABLE chunkref (
    nar_id BIGINT NOT NULL REFERENCES nar (id),
    seq INTEGER NOT NULL,
    chunk_id BIGINT NOT NULL REFERENCES chunk (id),
    PRIMARY KEY (nar_id, seq)
);
-- Orphan chunk scans and moving references off a corrupt chunk.
CREATE INDEX chunkref_chunk ON chunkref (chunk_id);

CREATE TABLE object (
    id ${id_column},
    cache_id BIGINT NOT NULL REFERENCES cache (id),
    nar_id BIGINT NOT NULL REFERENCES nar (id),
    store_path_hash VARCHAR(32)${bytewise} NOT NULL,
    store_path TEXT NOT NULL,
    refs TEXT NOT NULL,
    deriver TEXT,
    sigs TEXT NOT NULL,
    ca TEXT,
    system TEXT,
    created_by TEXT,
    created_at BIGINT NOT NULL,
    last_accessed_at BIGINT NOT NULL
);
-- narinfo and get-missing-paths by (cache, store path hash).
CREATE UNIQUE INDEX object_path ON object (cache_id, store_path_hash);
-- Orphan NAR scans.
CREATE INDEX object_nar ON object (nar_id);
-- Retention: objects of a cache by last access.
CREATE INDEX object_access ON object (cache_id, last_accessed_at);
