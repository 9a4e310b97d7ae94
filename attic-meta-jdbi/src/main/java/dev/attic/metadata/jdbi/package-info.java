/**
 * Metadata on SQLite (the embedded default) or PostgreSQL (for several servers), with JDBI,
 * a HikariCP pool and Flyway migrations run at start. The one public class is
 * {@link dev.attic.metadata.jdbi.JdbiMetadata}; everything else here is package-private.
 * The schema is in {@code db/migration} on the classpath, one set for both databases.
 */
package dev.attic.metadata.jdbi;
