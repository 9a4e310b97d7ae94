package dev.attic.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A NAR written field by field by the test itself (not by the library's writer), remembering where
 * each grammar field lies, so that a mutation can be aimed at a byte the grammar constrains: a
 * keyword, a length, or padding. Names, symlink targets and file contents are free bytes and are
 * never mutated (changing them may well give another valid NAR).
 */
final class FieldedNar {
    /** What the NAR grammar says about a byte range. */
    enum Kind { KEYWORD, LENGTH, PADDING, FREE }

    record Field(Kind kind, int offset, int length) {}

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Field> fields = new ArrayList<>();

    static FieldedNar regularFile(boolean executable, byte[] contents) {
        FieldedNar nar = new FieldedNar();
        nar.keyword("nix-archive-1");
        nar.regular(executable, contents);
        return nar;
    }

    static FieldedNar symlink(String target) {
        FieldedNar nar = new FieldedNar();
        nar.keyword("nix-archive-1");
        nar.link(target);
        return nar;
    }

    /** A directory holding a file, an executable, a symlink and a subdirectory with one file. */
    static FieldedNar tree(byte[] a, byte[] b) {
        FieldedNar nar = new FieldedNar();
        nar.keyword("nix-archive-1");
        nar.keywords("(", "type", "directory");
        nar.entry("bin");
        nar.keywords("(", "type", "directory");
        nar.entry("tool");
        nar.regular(true, b);
        nar.keyword(")");
        nar.keyword(")");
        nar.keyword(")");
        nar.entry("data");
        nar.regular(false, a);
        nar.keyword(")");
        nar.entry("link");
        nar.link("bin/tool");
        nar.keyword(")");
        nar.keyword(")");
        return nar;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    List<Field> fields() {
        return List.copyOf(fields);
    }

    private void regular(boolean executable, byte[] contents) {
        keywords("(", "type", "regular");
        if (executable) {
            keywords("executable", "");
        }
        keyword("contents");
        string(Kind.FREE, contents);
        keyword(")");
    }

    private void link(String target) {
        keywords("(", "type", "symlink", "target");
        string(Kind.FREE, target.getBytes(StandardCharsets.UTF_8));
        keyword(")");
    }

    private void entry(String name) {
        keywords("entry", "(", "name");
        string(Kind.FREE, name.getBytes(StandardCharsets.UTF_8));
        keyword("node");
    }

    private void keywords(String... words) {
        for (String w : words) {
            keyword(w);
        }
    }

    private void keyword(String word) {
        string(Kind.KEYWORD, word.getBytes(StandardCharsets.US_ASCII));
    }

    private void string(Kind kind, byte[] bytes) {
        record(Kind.LENGTH, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(bytes.length).array());
        if (bytes.length > 0) {
            record(kind, bytes);
        }
        int padding = (8 - bytes.length % 8) % 8;
        if (padding > 0) {
            record(Kind.PADDING, new byte[padding]);
        }
    }

    private void record(Kind kind, byte[] bytes) {
        fields.add(new Field(kind, out.size(), bytes.length));
        out.writeBytes(bytes);
    }
}
