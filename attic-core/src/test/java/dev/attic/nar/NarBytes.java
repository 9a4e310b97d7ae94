package dev.attic.nar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds NAR bytes token by token, right or wrong, for tests the NAR writer would refuse to write. */
final class NarBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Strings, each as a length, its UTF-8 bytes and zero padding. */
    NarBytes str(String... strings) {
        for (String s : strings) {
            raw(s.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** One string of raw bytes, length-prefixed and zero-padded. */
    NarBytes raw(byte[] bytes) {
        u64(bytes.length);
        out.writeBytes(bytes);
        out.writeBytes(new byte[(8 - bytes.length % 8) % 8]);
        return this;
    }

    /** A little-endian u64, alone: a length with nothing after it. */
    NarBytes u64(long value) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    /** Bytes as they are, with no length or padding. */
    NarBytes bytes(byte... bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** The magic. */
    NarBytes magic() {
        return str("nix-archive-1");
    }

    /** A whole regular file node. */
    NarBytes file(String contents) {
        return str("(", "type", "regular", "contents", contents, ")");
    }

    /** The start of a directory entry, up to and including "node". */
    NarBytes entry(String name) {
        return str("entry", "(", "name", name, "node");
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
