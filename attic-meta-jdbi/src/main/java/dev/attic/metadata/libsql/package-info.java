/**
 * libSQL (Turso, sqld) for the metadata store: a client for the Hrana over HTTP protocol
 * ({@code /v3/pipeline}) and, over it, the subset of JDBC that JDBI and Flyway use, so the SQLite
 * dialect and migrations of {@code dev.attic.metadata.jdbi} run unchanged on libSQL.
 * {@link dev.attic.metadata.libsql.LibsqlDataSource} is the public entry; the Hrana client, the
 * JDBC classes and their generated "unsupported" bases are package-private. The metadata queries
 * themselves do not live here.
 */
package dev.attic.metadata.libsql;
