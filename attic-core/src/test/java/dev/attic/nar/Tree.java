package dev.attic.nar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** An in-memory file system tree for tests: what a NAR should hold, small enough to compare. */
sealed interface Tree {

    /** Names in NAR order: unsigned bytes of their UTF-8 encoding. */
    Comparator<String> NAME_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    record File(boolean executable, byte[] contents) implements Tree {
        @Override
        public boolean equals(Object o) {
            return o instanceof File f && f.executable == executable && Arrays.equals(f.contents, contents);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(contents) * 31 + Boolean.hashCode(executable);
        }

        @Override
        public String toString() {
            return "File[" + (executable ? "executable, " : "") + contents.length + " bytes]";
        }
    }

    record Symlink(String target) implements Tree {}

    record Directory(SortedMap<String, Tree> entries) implements Tree {
        public Directory {
            TreeMap<String, Tree> sorted = new TreeMap<>(NAME_ORDER);
            sorted.putAll(entries);
            entries = Collections.unmodifiableSortedMap(sorted);
        }

        public Directory(Map<String, Tree> entries) {
            this(new TreeMap<>(entries));
        }
    }

    /** Writes this tree with the NAR writer. */
    default void writeTo(NarWriter writer) throws IOException {
        if (this instanceof File f) {
            writer.regularFile(f.executable(), f.contents());
        } else if (this instanceof Symlink s) {
            writer.symlink(s.target());
        } else {
            writer.directory();
            for (Map.Entry<String, Tree> e : ((Directory) this).entries().entrySet()) {
                writer.entry(e.getKey());
                e.getValue().writeTo(writer);
            }
            writer.endDirectory();
        }
    }

    /** This tree as NAR bytes, by the NAR writer. */
    default byte[] toNar() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            NarWriter writer = new NarWriter(out);
            writeTo(writer);
            writer.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates this tree at {@code path}, which must not exist. */
    default void materialize(Path path) throws IOException {
        if (this instanceof File f) {
            Files.write(path, f.contents());
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(f.executable() ? "r-xr-xr-x" : "r--r--r--"));
        } else if (this instanceof Symlink s) {
            Files.createSymbolicLink(path, Path.of(s.target()));
        } else {
            Files.createDirectory(path);
            for (Map.Entry<String, Tree> e : ((Directory) this).entries().entrySet()) {
                e.getValue().materialize(path.resolve(e.getKey()));
            }
        }
    }

    /** A visitor that rebuilds the tree a NAR holds. */
    final class Collector implements NarVisitor {
        private final Deque<TreeMap<String, Tree>> open = new ArrayDeque<>();
        private final Deque<String> names = new ArrayDeque<>();
        private ByteArrayOutputStream contents;
        private boolean executable;
        private Tree root;

        Tree root() {
            if (root == null) {
                throw new AssertionError("no complete tree was visited");
            }
            return root;
        }

        private void add(String path, Tree node) {
            if (open.isEmpty()) {
                if (!path.isEmpty()) {
                    throw new AssertionError("root path is " + path);
                }
                root = node;
            } else {
                String name = path.substring(path.lastIndexOf('/') + 1);
                open.peek().put(name, node);
            }
        }

        @Override
        public void directory(String path) {
            open.push(new TreeMap<>(NAME_ORDER));
            names.push(path);
        }

        @Override
        public void endDirectory(String path) {
            if (!path.equals(names.pop())) {
                throw new AssertionError("endDirectory " + path);
            }
            add(path, new Directory(open.pop()));
        }

        @Override
        public void regularFile(String path, boolean executable, long size) {
            this.contents = new ByteArrayOutputStream();
            this.executable = executable;
        }

        @Override
        public void contents(byte[] buffer, int offset, int length) {
            contents.write(buffer, offset, length);
        }

        @Override
        public void endRegularFile(String path) {
            add(path, new File(executable, contents.toByteArray()));
            contents = null;
        }

        @Override
        public void symlink(String path, String target) {
            add(path, new Symlink(target));
        }
    }
}
