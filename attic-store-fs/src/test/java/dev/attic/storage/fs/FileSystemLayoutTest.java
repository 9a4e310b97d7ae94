package dev.attic.storage.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BackendException;
import dev.attic.ErrorCode;
import dev.attic.storage.StorageKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the filesystem backend promises beyond the storage contract: its on-disk layout. */
class FileSystemLayoutTest {
    @TempDir
    Path dir;

    @Test
    void writesALayoutVersionMarkerIntoANewDirectory() throws IOException {
        Path root = dir.resolve("new/store");
        FileSystemStorage.at(root).close();
        assertEquals("attic-fs-storage-layout 1", Files.readString(root.resolve("attic-storage-layout")).strip());
        FileSystemStorage.at(root).close(); // and opens it again
    }

    @Test
    void refusesALayoutVersionItDoesNotKnow() throws IOException {
        Files.writeString(dir.resolve("attic-storage-layout"), "attic-fs-storage-layout 2\n");
        BackendException e = assertThrows(BackendException.class, () -> FileSystemStorage.at(dir));
        assertEquals(ErrorCode.STORAGE_ERROR, e.code());
        assertFalse(e.isTransient());
        assertTrue(e.getMessage().contains("layout version 2") && e.getMessage().contains("reads only layout 1"), e.getMessage());
    }

    @Test
    void refusesAMarkerThatIsNotOurs() throws IOException {
        Files.writeString(dir.resolve("attic-storage-layout"), "hello\n");
        BackendException e = assertThrows(BackendException.class, () -> FileSystemStorage.at(dir));
        assertTrue(e.getMessage().contains("not an Attic storage layout marker"), e.getMessage());
    }

    @Test
    void refusesANonEmptyDirectoryWithoutAMarker() throws IOException {
        Files.writeString(dir.resolve("precious.txt"), "someone's data");
        BackendException e = assertThrows(BackendException.class, () -> FileSystemStorage.at(dir));
        assertTrue(e.getMessage().contains("not an Attic storage directory"), e.getMessage());
        assertEquals(List.of(dir.resolve("precious.txt")), list(dir));
    }

    @Test
    void finishesASetUpThatACrashInterrupted() throws IOException {
        Files.writeString(dir.resolve("attic-storage-layout.tmp"), "attic-fs-sto");
        try (FileSystemStorage storage = FileSystemStorage.at(dir)) {
            storage.put(StorageKey.of("a"), new ByteArrayInputStream(new byte[] {1}), 1);
            assertTrue(storage.exists(StorageKey.of("a")));
        }
        assertEquals("attic-fs-storage-layout 1", Files.readString(dir.resolve("attic-storage-layout")).strip());
        assertFalse(Files.exists(dir.resolve("attic-storage-layout.tmp")));
    }

    @Test
    void spreadsObjectsOverTwoLevelsOfFanOutDirectories() throws IOException {
        try (FileSystemStorage storage = FileSystemStorage.at(dir)) {
            for (int i = 0; i < 200; i++) {
                storage.put(StorageKey.of("chunks/" + i + ".zst"), new ByteArrayInputStream(new byte[] {(byte) i}), 1);
            }
        }
        Set<Path> leaves = new HashSet<>();
        try (Stream<Path> files = Files.walk(dir.resolve("objects"))) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                Path relative = dir.resolve("objects").relativize(file);
                assertEquals(3, relative.getNameCount(), relative.toString());
                assertTrue(relative.getName(0).toString().matches("[0-9a-f]{2}"), relative.toString());
                assertTrue(relative.getName(1).toString().matches("[0-9a-f]{2}"), relative.toString());
                assertTrue(relative.getFileName().toString().startsWith("chunks+"), relative.toString());
                leaves.add(file.getParent());
            }
        }
        // 200 keys hashed into 65536 leaves: nearly all land alone.
        assertTrue(leaves.size() > 190, leaves.size() + " leaf directories");
    }

    @Test
    void anUnfinishedTempFileIsNotAnObjectAndIsReapedWhenStale() throws IOException {
        FileSystemStorage.at(dir).close();
        Path fresh = Files.writeString(dir.resolve("tmp/put-1.tmp"), "half");
        Path stale = Files.writeString(dir.resolve("tmp/put-2.tmp"), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        try (FileSystemStorage storage = FileSystemStorage.at(dir)) {
            try (Stream<?> objects = storage.list("")) {
                assertEquals(0, objects.count());
            }
        }
        assertTrue(Files.exists(fresh), "a fresh temp file may belong to a put in progress");
        assertFalse(Files.exists(stale), "a temp file older than an hour was left by a crash");
    }

    @Test
    void listingSkipsFilesThatAreNotObjects() throws IOException {
        try (FileSystemStorage storage = FileSystemStorage.at(dir)) {
            storage.put(StorageKey.of("a/b"), new ByteArrayInputStream(new byte[3]), 3);
            Files.createDirectories(dir.resolve("objects/00/00"));
            Files.writeString(dir.resolve("objects/00/00/not a key"), "x");
            try (Stream<?> objects = storage.list("")) {
                assertEquals(1, objects.count());
            }
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toList());
        }
    }
}
