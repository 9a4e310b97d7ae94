package dev.attic.nar;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes a NAR node by node, in NAR order: one root node, which is a {@link #regularFile regular
 * file}, a {@link #symlink} or a {@link #directory()}; inside a directory, {@link #entry} names the
 * next child (names in strictly ascending byte order), the child node follows, and
 * {@link #endDirectory()} closes it. {@link #finish()} checks that the root is complete and
 * flushes. The writer refuses, with {@link IllegalStateException} or
 * {@link IllegalArgumentException}, anything that would make a NAR {@link NarValidator} rejects.
 *
 * <p>Contents are copied through a fixed 64 KiB buffer. The output stream is not closed. After
 * an exception the NAR written so far is incomplete and the writer must not be used again.
 */
public final class NarWriter {
    private static final byte[] ZEROS = new byte[8];

    /** An open directory: the last entry name written, and whether that entry awaits its node. */
    private static final class Frame {
        byte[] previousName;
        boolean awaitingNode;
    }

    private final OutputStream out;
    private final List<Frame> directories = new ArrayList<>();
    private final byte[] copyBuffer = new byte[64 * 1024];
    private final byte[] lengthBuffer = new byte[8];
    private long written;
    private boolean started;
    private boolean rootDone;

    public NarWriter(OutputStream out) {
        this.out = new BufferedOutputStream(Objects.requireNonNull(out, "out"), 64 * 1024);
    }

    /**
     * A regular file whose {@code size} bytes of contents are read from {@code contents} (which
     * is not closed, and may hold more).
     *
     * @throws EOFException if {@code contents} ends before {@code size} bytes
     */
    public void regularFile(boolean executable, long size, InputStream contents) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        startNode();
        writeStrings("(", "type", "regular");
        if (executable) {
            writeStrings("executable", "");
        }
        writeStrings("contents");
        writeLength(size);
        long left = size;
        while (left > 0) {
            int n = contents.read(copyBuffer, 0, (int) Math.min(copyBuffer.length, left));
            if (n < 0) {
                throw new EOFException("contents ended after " + (size - left) + " of " + size + " bytes");
            }
            write(copyBuffer, 0, n);
            left -= n;
        }
        writePadding(size);
        writeStrings(")");
        endNode();
    }

    /** A regular file holding {@code contents}. */
    public void regularFile(boolean executable, byte[] contents) throws IOException {
        regularFile(executable, contents.length, new ByteArrayInputStream(contents));
    }

    /** A symlink to {@code target}, encoded as UTF-8. */
    public void symlink(String target) throws IOException {
        symlink(target.getBytes(StandardCharsets.UTF_8));
    }

    /** A symlink to the raw bytes {@code target}: 1 to 4095 bytes, no NUL. */
    public void symlink(byte[] target) throws IOException {
        if (target.length == 0 || target.length > NarValidator.MAX_TARGET_LENGTH || indexOf(target, (byte) 0) >= 0) {
            throw new IllegalArgumentException("a symlink target must be 1 to " + NarValidator.MAX_TARGET_LENGTH
                    + " bytes without NUL: " + NarParser.describe(target, target.length));
        }
        startNode();
        writeStrings("(", "type", "symlink", "target");
        writeString(target);
        writeStrings(")");
        endNode();
    }

    /** Starts a directory; its entries follow, then {@link #endDirectory()}. */
    public void directory() throws IOException {
        if (directories.size() == NarValidator.MAX_DEPTH) {
            throw new IllegalStateException("more than " + NarValidator.MAX_DEPTH + " nested directories");
        }
        startNode();
        writeStrings("(", "type", "directory");
        directories.add(new Frame());
    }

    /** Names the next entry of the current directory, encoded as UTF-8; its node comes next. */
    public void entry(String name) throws IOException {
        entry(name.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Names the next entry of the current directory by its raw bytes; its node comes next. The
     * name must sort after the previous one (unsigned byte order), be 1 to 255 bytes, not
     * {@code .} or {@code ..}, and hold no {@code /} or NUL.
     */
    public void entry(byte[] name) throws IOException {
        Frame directory = openDirectory("an entry");
        if (directory.awaitingNode) {
            throw new IllegalStateException("the previous entry has no node yet");
        }
        if (name.length == 0 || name.length > NarValidator.MAX_NAME_LENGTH
                || indexOf(name, (byte) '/') >= 0 || indexOf(name, (byte) 0) >= 0
                || Arrays.equals(name, new byte[] {'.'}) || Arrays.equals(name, new byte[] {'.', '.'})) {
            throw new IllegalArgumentException("not a valid entry name: " + NarParser.describe(name, name.length));
        }
        if (directory.previousName != null && Arrays.compareUnsigned(name, directory.previousName) <= 0) {
            throw new IllegalArgumentException("entry " + NarParser.describe(name, name.length)
                    + " does not sort after " + NarParser.describe(directory.previousName, directory.previousName.length));
        }
        directory.previousName = name.clone();
        directory.awaitingNode = true;
        writeStrings("entry", "(", "name");
        writeString(name);
        writeStrings("node");
    }

    /** Closes the current directory. */
    public void endDirectory() throws IOException {
        Frame directory = openDirectory("endDirectory");
        if (directory.awaitingNode) {
            throw new IllegalStateException("the last entry has no node");
        }
        directories.remove(directories.size() - 1);
        writeStrings(")");
        endNode();
    }

    /**
     * Checks that the root node is complete and flushes the output.
     *
     * @return the NAR's size in bytes
     */
    public long finish() throws IOException {
        if (!rootDone) {
            throw new IllegalStateException(started ? "the root directory is still open" : "no root node was written");
        }
        out.flush();
        return written;
    }

    private Frame openDirectory(String what) {
        if (directories.isEmpty()) {
            throw new IllegalStateException(what + " outside a directory");
        }
        return directories.get(directories.size() - 1);
    }

    private void startNode() throws IOException {
        if (rootDone) {
            throw new IllegalStateException("the root node is already complete");
        }
        if (!started) {
            started = true;
            writeStrings("nix-archive-1");
        } else if (!openDirectory("a node").awaitingNode) {
            throw new IllegalStateException("a node inside a directory needs an entry name first");
        }
    }

    private void endNode() throws IOException {
        if (directories.isEmpty()) {
            rootDone = true;
        } else {
            Frame parent = directories.get(directories.size() - 1);
            if (parent.awaitingNode) {
                parent.awaitingNode = false;
                writeStrings(")");
            } else {
                // The node just closed was the root directory.
                throw new AssertionError("unbalanced directory stack");
            }
        }
    }

    private void writeStrings(String... strings) throws IOException {
        for (String s : strings) {
            writeString(s.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void writeString(byte[] bytes) throws IOException {
        writeLength(bytes.length);
        write(bytes, 0, bytes.length);
        writePadding(bytes.length);
    }

    private void writeLength(long length) throws IOException {
        for (int i = 0; i < 8; i++) {
            lengthBuffer[i] = (byte) (length >>> (8 * i));
        }
        write(lengthBuffer, 0, 8);
    }

    private void writePadding(long length) throws IOException {
        write(ZEROS, 0, (int) (-length & 7));
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        written += length;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
