/**
 * Metadata on SQLite (the embedded default), PostgreSQL (for several servers) or libSQL/Turso
 * (through {@link dev.attic.metadata.libsql.LibsqlDataSource}, with SQLite's SQL), with JDBI,
 * a HikariCP pool (SQLite, PostgreSQL) and Flyway migrations run at start. The public classes
 * are {@link dev.attic.metadata.jdbi.JdbiMetadata} and the SQLite-to-libSQL copy
 * {@link dev.attic.metadata.jdbi.MetadataMigration} with its {@link
 * dev.attic.metadata.jdbi.MigrationReport}; everything else here is package-private. The schema
 * is in {@code db/migration} on the classpath, one set for every database.
 */
package dev.attic.metadata.jdbi;
