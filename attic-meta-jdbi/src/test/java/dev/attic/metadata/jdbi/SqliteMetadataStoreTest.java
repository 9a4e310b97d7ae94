package dev.attic.metadata.jdbi;

import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.MetadataStoreContract;
import dev.attic.metadata.TestClock;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The metadata contract on SQLite in a temporary file. */
class SqliteMetadataStoreTest extends MetadataStoreContract {
    @TempDir
    Path dir;

    @Override
    protected MetadataStore open(TestClock clock) {
        return JdbiMetadata.builder().sqlite(dir.resolve("metadata.db")).clock(clock).build();
    }
}
