package dev.attic.nar;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A second, deliberately plain reading of the NAR grammar for differential tests: recursive
 * descent over a whole byte array, same limits as {@link NarValidator}. It answers only "valid or
 * not"; it shares no code with the streaming parser.
 */
final class ReferenceGrammar {
    private final byte[] nar;
    private int position;

    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid() {
            super(null, null, false, false);
        }
    }

    private ReferenceGrammar(byte[] nar) {
        this.nar = nar;
    }

    static boolean isValid(byte[] nar) {
        ReferenceGrammar grammar = new ReferenceGrammar(nar);
        try {
            grammar.keyword("nix-archive-1");
            grammar.node(1);
            return grammar.position == nar.length;
        } catch (Invalid e) {
            return false;
        }
    }

    private void node(int depth) throws Invalid {
        keyword("(");
        keyword("type");
        String type = text(16);
        switch (type) {
            case "regular" -> {
                String field = text(16);
                if (field.equals("executable")) {
                    keyword("");
                    field = text(16);
                }
                check(field.equals("contents"));
                string(Long.MAX_VALUE);
                keyword(")");
            }
            case "symlink" -> {
                keyword("target");
                byte[] target = string(NarValidator.MAX_TARGET_LENGTH);
                check(target.length > 0 && !contains(target, 0));
            }
            case "directory" -> {
                check(depth <= NarValidator.MAX_DEPTH);
                byte[] previous = null;
                for (String field = text(16); !field.equals(")"); field = text(16)) {
                    check(field.equals("entry"));
                    keyword("(");
                    keyword("name");
                    byte[] name = string(NarValidator.MAX_NAME_LENGTH);
                    check(name.length > 0 && !contains(name, '/') && !contains(name, 0));
                    check(!Arrays.equals(name, ".".getBytes()) && !Arrays.equals(name, "..".getBytes()));
                    check(previous == null || Arrays.compareUnsigned(previous, name) < 0);
                    previous = name;
                    keyword("node");
                    node(depth + 1);
                    keyword(")");
                }
                return;
            }
            default -> throw new Invalid();
        }
        if (!type.equals("regular")) {
            keyword(")");
        }
    }

    private void keyword(String expected) throws Invalid {
        check(text(16).equals(expected));
    }

    private String text(int max) throws Invalid {
        return new String(string(max), StandardCharsets.ISO_8859_1);
    }

    /** A string of at most {@code max} bytes; contents longer than the rest of the input fail. */
    private byte[] string(long max) throws Invalid {
        check(nar.length - position >= 8);
        long length = 0;
        for (int i = 7; i >= 0; i--) {
            length = (length << 8) | (nar[position + i] & 0xff);
        }
        position += 8;
        check(length >= 0 && length <= max && length <= nar.length - position);
        long padded = length + (8 - length % 8) % 8;
        check(padded <= nar.length - position);
        byte[] value = Arrays.copyOfRange(nar, position, position + (int) length);
        for (int i = position + (int) length; i < position + padded; i++) {
            check(nar[i] == 0);
        }
        position += (int) padded;
        return value;
    }

    private static boolean contains(byte[] bytes, int b) {
        for (byte x : bytes) {
            if (x == b) {
                return true;
            }
        }
        return false;
    }

    private static void check(boolean condition) throws Invalid {
        if (!condition) {
            throw new Invalid();
        }
    }
}
