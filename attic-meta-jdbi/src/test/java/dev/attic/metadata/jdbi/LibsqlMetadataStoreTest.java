package dev.attic.metadata.jdbi;

import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.MetadataStoreContract;
import dev.attic.metadata.TestClock;
import dev.attic.metadata.libsql.TestSqld;

/**
 * The whole metadata contract on a real libSQL server (sqld, started by {@code .ci/run}), through
 * the Hrana driver, with SQLite's SQL and migrations. Each test starts from an empty database.
 */
class LibsqlMetadataStoreTest extends MetadataStoreContract {
    @Override
    protected MetadataStore open(TestClock clock) {
        String url = TestSqld.url();
        TestSqld.dropAllTables(url);
        return JdbiMetadata.builder().libsql(url, null).clock(clock).build();
    }
}
