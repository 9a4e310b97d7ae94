package dev.attic.engine;

import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.TestClock;
import dev.attic.metadata.jdbi.JdbiMetadata;
import dev.attic.storage.Storage;
import dev.attic.storage.fs.FileSystemStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The engine on its embedded default: chunk files on the filesystem, metadata in SQLite. */
class FileSystemSqliteEngineTest extends EngineContract {
    @TempDir
    Path dir;

    @Override
    protected Storage openStorage() {
        return FileSystemStorage.at(dir.resolve("storage"));
    }

    @Override
    protected MetadataStore openMetadata(TestClock clock) {
        return JdbiMetadata.builder().sqlite(dir.resolve("attic.db")).clock(clock).build();
    }
}
