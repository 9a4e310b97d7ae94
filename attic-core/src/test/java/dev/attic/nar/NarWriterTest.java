package dev.attic.nar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The low-level writer, the file system dump, and the events a reader delivers. */
class NarWriterTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final NarWriter writer = new NarWriter(out);

    @Test
    void writesTheSameBytesAsTheGrammarSpelledOutByHand() throws IOException {
        writer.directory();
        writer.entry("bin");
        writer.directory();
        writer.entry("run");
        writer.regularFile(true, "#!".getBytes(StandardCharsets.US_ASCII));
        writer.endDirectory();
        writer.entry("lib");
        writer.symlink("bin");
        writer.endDirectory();
        long size = writer.finish();

        byte[] expected = new NarBytes().magic().str("(", "type", "directory")
                .entry("bin").str("(", "type", "directory")
                .entry("run").str("(", "type", "regular", "executable", "", "contents", "#!", ")").str(")")
                .str(")").str(")")
                .entry("lib").str("(", "type", "symlink", "target", "bin", ")").str(")")
                .str(")").toByteArray();
        assertArrayEquals(expected, out.toByteArray());
        assertEquals(expected.length, size);
    }

    @Test
    void refusesEntriesOutOfOrderOrDuplicated() throws IOException {
        writer.directory();
        writer.entry("b");
        writer.regularFile(false, new byte[0]);
        assertThrows(IllegalArgumentException.class, () -> writer.entry("a"));
        assertThrows(IllegalArgumentException.class, () -> writer.entry("b"));
        writer.entry("c");
    }

    @Test
    void refusesInvalidNamesAndTargets() throws IOException {
        writer.directory();
        for (String name : new String[] {"", ".", "..", "a/b", "a\0b", "n".repeat(256)}) {
            assertThrows(IllegalArgumentException.class, () -> writer.entry(name), "name \"" + name + "\"");
        }
        writer.entry("ok");
        for (String target : new String[] {"", "a\0b", "t".repeat(4096)}) {
            assertThrows(IllegalArgumentException.class, () -> writer.symlink(target), "target \"" + target + "\"");
        }
    }

    @Test
    void refusesNodesOutOfPlace() throws IOException {
        assertThrows(IllegalStateException.class, writer::finish, "finish before any node");
        assertThrows(IllegalStateException.class, () -> writer.entry("a"), "entry outside a directory");
        writer.directory();
        assertThrows(IllegalStateException.class, () -> writer.symlink("x"), "node without an entry name");
        writer.entry("a");
        assertThrows(IllegalStateException.class, () -> writer.entry("b"), "entry without a node");
        assertThrows(IllegalStateException.class, writer::endDirectory, "closing with an entry awaiting its node");
        writer.symlink("x");
        assertThrows(IllegalStateException.class, writer::finish, "finish with the root open");
        writer.endDirectory();
        assertThrows(IllegalStateException.class, () -> writer.symlink("y"), "a second root");
        assertThrows(IllegalStateException.class, writer::endDirectory, "closing more than was opened");
        writer.finish();
        assertEquals(out.size(), NarReader.read(new ByteArrayInputStream(out.toByteArray()), new NarVisitor() {}));
    }

    @Test
    void refusesContentsShorterThanDeclared() {
        EOFException e = assertThrows(EOFException.class,
                () -> writer.regularFile(false, 10, new ByteArrayInputStream(new byte[7])));
        assertTrue(e.getMessage().contains("7 of 10"), e.getMessage());
    }

    @Test
    void refusesNestingDeeperThanTheReaderAccepts() throws IOException {
        for (int i = 1; i < NarValidator.MAX_DEPTH; i++) {
            writer.directory();
            writer.entry("d");
        }
        writer.directory();
        writer.entry("d");
        assertThrows(IllegalStateException.class, writer::directory);
    }

    @Test
    void dumpStoresSymlinksWithoutFollowingThem() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        Files.createDirectory(root.resolve("real"));
        Files.write(root.resolve("real/file"), new byte[] {1, 2, 3});
        Files.createSymbolicLink(root.resolve("link-to-dir"), Path.of("real"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("/nonexistent/target"));

        assertEquals(List.of(
                NarEntry.directory(""),
                NarEntry.symlink("dangling", "/nonexistent/target"),
                NarEntry.symlink("link-to-dir", "real"),
                NarEntry.directory("real"),
                NarEntry.regular("real/file", 3, false)), listDump(root));
        assertEquals(List.of(NarEntry.symlink("", "real")), listDump(root.resolve("link-to-dir")));
    }

    @Test
    void dumpTakesTheExecutableBitFromTheOwnerOnly() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        for (String mode : new String[] {"rwx------", "r-xr-xr-x", "r-x------", "rw-r-xr-x", "rw-rw-rw-", "r--r--r--"}) {
            Path file = Files.write(root.resolve(mode), new byte[0]);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        }
        List<NarEntry> listing = listDump(root);
        assertEquals(7, listing.size());
        for (NarEntry entry : listing.subList(1, 7)) {
            assertEquals(entry.path().charAt(2) == 'x', entry.executable(), "mode " + entry.path());
        }
    }

    @Test
    void dumpSortsEntriesByTheBytesOfTheirNames() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        for (String name : new String[] {"z", "ü", "a", "B", "_", "aa", "~"}) {
            Files.write(root.resolve(name), name.getBytes(StandardCharsets.UTF_8));
        }
        List<String> order = new ArrayList<>();
        for (NarEntry entry : listDump(root)) {
            order.add(entry.path());
        }
        assertEquals(List.of("", "B", "_", "a", "aa", "z", "~", "ü"), order);
    }

    @Test
    void dumpRefusesASocketClearly() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        Path socket = root.resolve("socket");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            BadInputException e = assertThrows(BadInputException.class,
                    () -> NarDump.dump(root, new ByteArrayOutputStream()));
            assertEquals(ErrorCode.BAD_REQUEST, e.code());
            assertTrue(e.getMessage().contains(socket.toString()) && e.getMessage().contains("neither a regular file"),
                    e.getMessage());
        }
    }

    @Test
    void readerDeliversEventsInNarOrderWithPaths() throws IOException {
        writer.directory();
        writer.entry("a");
        writer.directory();
        writer.entry("f");
        writer.regularFile(true, "xyz".getBytes(StandardCharsets.US_ASCII));
        writer.endDirectory();
        writer.entry("b");
        writer.symlink("a/f");
        writer.entry("e");
        writer.regularFile(false, new byte[0]);
        writer.endDirectory();
        writer.finish();

        List<String> events = new ArrayList<>();
        NarReader.read(new ByteArrayInputStream(out.toByteArray()), new NarVisitor() {
            @Override
            public void directory(String path) {
                events.add("directory " + path);
            }

            @Override
            public void endDirectory(String path) {
                events.add("endDirectory " + path);
            }

            @Override
            public void regularFile(String path, boolean executable, long size) {
                events.add("regularFile " + path + " " + executable + " " + size);
            }

            @Override
            public void contents(byte[] buffer, int offset, int length) {
                events.add("contents " + new String(buffer, offset, length, StandardCharsets.US_ASCII));
            }

            @Override
            public void endRegularFile(String path) {
                events.add("endRegularFile " + path);
            }

            @Override
            public void symlink(String path, String target) {
                events.add("symlink " + path + " -> " + target);
            }
        });
        assertEquals(List.of(
                "directory ",
                "directory a",
                "regularFile a/f true 3",
                "contents xyz",
                "endRegularFile a/f",
                "endDirectory a",
                "symlink b -> a/f",
                "regularFile e false 0",
                "endRegularFile e",
                "endDirectory "), events);
    }

    private static List<NarEntry> listDump(Path path) throws IOException {
        ByteArrayOutputStream nar = new ByteArrayOutputStream();
        long size = NarDump.dump(path, nar);
        assertEquals(nar.size(), size);
        return NarReader.list(new ByteArrayInputStream(nar.toByteArray()));
    }
}
