package dev.attic.nar;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes a file system tree as a NAR, byte for byte as {@code nix-store --dump} does: symlinks are
 * stored, never followed; a regular file is executable when its owner may execute it; directory
 * entries are sorted by the bytes of their names; contents are streamed, never loaded whole.
 *
 * <p>Names and symlink targets are taken as the JVM sees them ({@code sun.jnu.encoding}, UTF-8
 * on a UTF-8 locale); a name that is not valid in that encoding cannot be dumped faithfully.
 */
public final class NarDump {
    private static final Charset FILE_NAMES = fileNameCharset();

    private NarDump() {}

    /**
     * Writes the tree at {@code path} as a NAR to {@code out} (not closed).
     *
     * @return the NAR's size in bytes
     * @throws BadInputException if the tree holds something other than a regular file, a
     *     directory or a symlink (a socket, a FIFO, a device)
     */
    public static long dump(Path path, OutputStream out) throws IOException {
        NarWriter writer = new NarWriter(out);
        dump(path, writer);
        return writer.finish();
    }

    /**
     * Writes the tree at {@code path} as the next node of {@code writer}: its root, or the node
     * of the entry just named.
     */
    public static void dump(Path path, NarWriter writer) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            writer.symlink(Files.readSymbolicLink(path).toString().getBytes(FILE_NAMES));
        } else if (attributes.isRegularFile()) {
            try (InputStream contents = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
                writer.regularFile(isExecutable(path), attributes.size(), contents);
            } catch (EOFException shrunk) {
                throw new IOException(path + " changed while it was being dumped: " + shrunk.getMessage(), shrunk);
            }
        } else if (attributes.isDirectory()) {
            writer.directory();
            for (Map.Entry<byte[], Path> entry : sortedEntries(path)) {
                writer.entry(entry.getKey());
                dump(entry.getValue(), writer);
            }
            writer.endDirectory();
        } else {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "cannot dump " + path
                    + ": it is neither a regular file, a directory nor a symlink (a socket, FIFO or device?),"
                    + " and a NAR holds nothing else");
        }
    }

    private static boolean isExecutable(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) == null) {
            return false;
        }
        PosixFileAttributes posix = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return posix.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
    }

    private static List<Map.Entry<byte[], Path>> sortedEntries(Path directory) throws IOException {
        List<Map.Entry<byte[], Path>> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                entries.add(Map.entry(child.getFileName().toString().getBytes(FILE_NAMES), child));
            }
        }
        entries.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
        return entries;
    }

    private static Charset fileNameCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
