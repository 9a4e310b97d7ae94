package dev.attic.nar;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a whole NAR from a stream, checking it as {@link NarValidator} does, for tools that want
 * the tree rather than the bytes. Reads to the end of the stream: bytes after the root node are an
 * error. The stream is not closed.
 */
public final class NarReader {
    private static final int BUFFER_SIZE = 64 * 1024;

    private NarReader() {}

    /**
     * Reads the NAR in {@code in} to its end, reporting its tree to {@code visitor}; contents come
     * in pieces of at most 64 KiB.
     *
     * @return the NAR's size in bytes
     * @throws BadNarException if the bytes are not one whole NAR
     * @throws IOException if {@code in} fails
     */
    public static long read(InputStream in, NarVisitor visitor) throws IOException {
        NarValidator validator = new NarValidator(visitor);
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            validator.update(buffer, 0, n);
        }
        validator.finish();
        return validator.size();
    }

    /**
     * The tree of the NAR in {@code in}, in NAR order, contents skipped. The list holds one entry
     * per node: its memory grows with the number of nodes, not with the size of the contents.
     */
    public static List<NarEntry> list(InputStream in) throws IOException {
        List<NarEntry> entries = new ArrayList<>();
        read(in, new NarVisitor() {
            @Override
            public void directory(String path) {
                entries.add(NarEntry.directory(path));
            }

            @Override
            public void regularFile(String path, boolean executable, long size) {
                entries.add(NarEntry.regular(path, size, executable));
            }

            @Override
            public void symlink(String path, String target) {
                entries.add(NarEntry.symlink(path, target));
            }
        });
        return Collections.unmodifiableList(entries);
    }
}
