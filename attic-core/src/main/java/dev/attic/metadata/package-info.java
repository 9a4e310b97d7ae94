/**
 * The metadata SPI: what the engine remembers about caches, store paths and the chunks their NARs
 * are made of. The model is upstream Attic's: an object (one store path in one cache) points at a
 * NAR, a NAR is an ordered list of chunk references, a chunk is one stored file. One NAR is shared
 * by many caches and one chunk by many NARs.
 *
 * <p>{@link dev.attic.metadata.MetadataStore} is the interface a backend implements (the
 * {@code attic-meta-jdbi} module has SQLite and PostgreSQL); the records here are its rows. No
 * storage, no HTTP and no JDBC live here.
 */
package dev.attic.metadata;
