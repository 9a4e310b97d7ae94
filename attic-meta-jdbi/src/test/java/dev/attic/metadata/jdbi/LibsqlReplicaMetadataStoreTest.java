package dev.attic.metadata.jdbi;

import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.MetadataStoreContract;
import dev.attic.metadata.TestClock;
import dev.attic.metadata.libsql.TestSqld;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole metadata contract on libSQL with a local replica (1 s sync): every read that follows
 * a write in the contract must see it, whether the replica or the primary answers.
 */
class LibsqlReplicaMetadataStoreTest extends MetadataStoreContract {
    @TempDir
    Path dir;

    @Override
    protected MetadataStore open(TestClock clock) {
        String url = TestSqld.url();
        TestSqld.dropAllTables(url);
        return JdbiMetadata.builder().libsql(url, null).localReplica(dir.resolve("replica.db"), Duration.ofSeconds(1))
                .clock(clock).build();
    }
}
