package dev.attic.storage.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attic.storage.Storage;
import dev.attic.storage.StorageContract;
import dev.attic.storage.StorageKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract, run against a directory. */
class FileSystemStorageTest extends StorageContract {
    @TempDir
    Path dir;

    @Override
    protected Storage openStorage() {
        return FileSystemStorage.at(dir.resolve("store"));
    }

    @Override
    protected long largeObjectSize() {
        return 3 * 1024 * 1024 + 5;
    }

    @Override
    protected boolean supportsDownloadUrl() {
        return false;
    }

    @Override
    protected void assertNoUnfinishedUpload(StorageKey key) throws IOException {
        try (Stream<Path> temps = Files.list(dir.resolve("store").resolve("tmp"))) {
            List<Path> left = temps.collect(Collectors.toList());
            assertEquals(List.of(), left, "temp files left behind");
        }
    }
}
