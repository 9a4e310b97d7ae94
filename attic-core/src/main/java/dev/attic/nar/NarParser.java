package dev.attic.nar;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The NAR grammar as a push state machine: bytes go in through {@link #update} in pieces of any
 * size, events come out to the visitor. Its memory is bounded by the limits in
 * {@link NarValidator}: one string buffer, and one remembered name per open directory. Contents are
 * never buffered: they are handed to the visitor as slices of the caller's buffer.
 */
final class NarParser {

    /** Longer than any keyword: a wrong keyword is read whole, to say what it was. */
    private static final int KEYWORD = 16;

    /** What the grammar expects next; {@code maxLength} bounds the string that may come. */
    private enum Expect {
        MAGIC("\"nix-archive-1\"", KEYWORD),
        OPEN("\"(\"", KEYWORD),
        TYPE_KEY("\"type\"", KEYWORD),
        TYPE("\"regular\", \"symlink\" or \"directory\"", KEYWORD),
        REGULAR_FIELD("\"executable\" or \"contents\"", KEYWORD),
        EXECUTABLE_VALUE("\"\" (the value of the executable marker)", KEYWORD),
        CONTENTS_KEY("\"contents\"", KEYWORD),
        CONTENTS("the length of the file's contents", Long.MAX_VALUE),
        CLOSE("\")\"", KEYWORD),
        TARGET_KEY("\"target\"", KEYWORD),
        TARGET("a symlink target of 1 to " + NarValidator.MAX_TARGET_LENGTH + " bytes without NUL",
                NarValidator.MAX_TARGET_LENGTH),
        DIRECTORY_FIELD("\"entry\" or \")\"", KEYWORD),
        ENTRY_OPEN("\"(\"", KEYWORD),
        NAME_KEY("\"name\"", KEYWORD),
        NAME("an entry name of 1 to " + NarValidator.MAX_NAME_LENGTH
                + " bytes, not \".\" or \"..\", without \"/\" or NUL", NarValidator.MAX_NAME_LENGTH),
        NODE_KEY("\"node\"", KEYWORD),
        ENTRY_CLOSE("\")\"", KEYWORD),
        END("the end of the NAR", 0);

        final String description;
        final long maxLength;

        Expect(String description, long maxLength) {
            this.description = description;
            this.maxLength = maxLength;
        }
    }

    /** Where in a token the next byte goes. */
    private enum Phase { LENGTH, STRING, CONTENTS, PADDING }

    /** An open directory: the last entry name seen in it, and the length of its path. */
    private static final class Frame {
        final byte[] previousName = new byte[NarValidator.MAX_NAME_LENGTH];
        int previousLength = -1;
        final int pathLength;

        Frame(int pathLength) {
            this.pathLength = pathLength;
        }
    }

    private static final byte[] MAGIC = ascii("nix-archive-1");
    private static final byte[] OPEN = ascii("(");
    private static final byte[] CLOSE = ascii(")");
    private static final byte[] TYPE = ascii("type");
    private static final byte[] REGULAR = ascii("regular");
    private static final byte[] SYMLINK = ascii("symlink");
    private static final byte[] DIRECTORY = ascii("directory");
    private static final byte[] EXECUTABLE = ascii("executable");
    private static final byte[] CONTENTS = ascii("contents");
    private static final byte[] TARGET = ascii("target");
    private static final byte[] ENTRY = ascii("entry");
    private static final byte[] NAME = ascii("name");
    private static final byte[] NODE = ascii("node");
    private static final byte[] DOT = ascii(".");
    private static final byte[] DOT_DOT = ascii("..");
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final NarVisitor visitor;
    private final boolean tracksPaths;
    private final long maxSize;

    private long offset;
    private long tokenStart;
    private Phase phase = Phase.LENGTH;
    private Expect expect = Expect.MAGIC;

    private long length;
    private int lengthBytes;
    private final byte[] string = new byte[NarValidator.MAX_TARGET_LENGTH];
    private int stringLength;
    private long contentsLeft;
    private int paddingLeft;
    private boolean paddingEndsContents;

    private boolean executable;
    private final List<Frame> directories = new ArrayList<>();
    private final StringBuilder path = new StringBuilder();

    private BadNarException failure;

    NarParser(NarVisitor visitor, long maxSize) {
        this.visitor = visitor;
        this.tracksPaths = visitor != NarValidator.NO_VISITOR;
        this.maxSize = maxSize;
    }

    long offset() {
        return offset;
    }

    boolean isComplete() {
        return failure == null && expect == Expect.END;
    }

    void update(byte[] buffer, int from, int count) {
        if (failure != null) {
            throw failure;
        }
        int position = from;
        int end = from + count;
        while (position < end) {
            switch (phase) {
                case LENGTH:
                    position = readLength(buffer, position, end);
                    break;
                case STRING:
                    int take = (int) Math.min(length - stringLength, end - position);
                    System.arraycopy(buffer, position, string, stringLength, take);
                    stringLength += take;
                    position += take;
                    offset += take;
                    if (stringLength == length) {
                        startPadding(false);
                    }
                    break;
                case CONTENTS:
                    int chunk = (int) Math.min(contentsLeft, end - position);
                    contentsLeft -= chunk;
                    offset += chunk;
                    visitor.contents(buffer, position, chunk);
                    position += chunk;
                    if (contentsLeft == 0) {
                        startPadding(true);
                    }
                    break;
                case PADDING:
                    int stop = Math.min(end, position + paddingLeft);
                    for (; position < stop; position++, offset++, paddingLeft--) {
                        if (buffer[position] != 0) {
                            throw fail(offset, "zero padding", String.format("byte 0x%02x", buffer[position] & 0xff));
                        }
                    }
                    if (paddingLeft == 0) {
                        endToken(paddingEndsContents);
                    }
                    break;
                default:
                    throw new AssertionError(phase);
            }
        }
    }

    void finish() {
        if (failure != null) {
            throw failure;
        }
        if (expect == Expect.END) {
            return;
        }
        String expected = switch (phase) {
            case CONTENTS -> bytes(contentsLeft) + " more of the file's contents";
            case PADDING -> bytes(paddingLeft) + " more of zero padding";
            case STRING -> bytes(length - stringLength) + " more of " + expect.description;
            case LENGTH -> expect.description;
        };
        throw fail(offset, expected, "the end of the input");
    }

    private int readLength(byte[] buffer, int position, int end) {
        if (expect == Expect.END) {
            throw fail(offset, Expect.END.description, (end - position) + " more bytes");
        }
        if (lengthBytes == 0) {
            tokenStart = offset;
            if (end - position >= 8) { // the usual case: the whole length field is here
                length = (long) LITTLE_ENDIAN_LONG.get(buffer, position);
                offset += 8;
                startString();
                return position + 8;
            }
            length = 0;
        }
        while (lengthBytes < 8 && position < end) {
            length |= (buffer[position++] & 0xffL) << (8 * lengthBytes++);
            offset++;
        }
        if (lengthBytes == 8) {
            lengthBytes = 0;
            startString();
        }
        return position;
    }

    private void startString() {
        if (length < 0 || length > expect.maxLength) {
            throw fail(tokenStart, expect.description, "a string of " + Long.toUnsignedString(length) + " bytes");
        }
        long room = maxSize - offset;
        if (length > room || (-length & 7) > room - length) {
            throw fail(tokenStart, expect.description + (maxSize == Long.MAX_VALUE ? ""
                    : " within the NAR's declared size of " + maxSize + " bytes"),
                    "a length of " + length + " bytes, reaching past the end");
        }
        if (expect == Expect.CONTENTS) {
            contentsLeft = length;
            visitor.regularFile(currentPath(), executable, length);
            phase = Phase.CONTENTS;
            if (length == 0) {
                startPadding(true);
            }
        } else {
            stringLength = 0;
            phase = Phase.STRING;
            if (length == 0) {
                startPadding(false);
            }
        }
    }

    private void startPadding(boolean endsContents) {
        paddingLeft = (int) (-length & 7);
        paddingEndsContents = endsContents;
        if (paddingLeft == 0) {
            endToken(endsContents);
        } else {
            phase = Phase.PADDING;
        }
    }

    private void endToken(boolean endsContents) {
        phase = Phase.LENGTH;
        if (endsContents) {
            visitor.endRegularFile(currentPath());
            expect = Expect.CLOSE;
        } else {
            accept();
        }
    }

    /** A whole string has arrived in {@link #string}: step the grammar. */
    private void accept() {
        switch (expect) {
            case MAGIC -> expect = require(MAGIC, Expect.OPEN);
            case OPEN -> expect = require(OPEN, Expect.TYPE_KEY);
            case TYPE_KEY -> expect = require(TYPE, Expect.TYPE);
            case TYPE -> startNode();
            case REGULAR_FIELD -> {
                if (is(EXECUTABLE)) {
                    executable = true;
                    expect = Expect.EXECUTABLE_VALUE;
                } else {
                    executable = false;
                    expect = require(CONTENTS, Expect.CONTENTS);
                }
            }
            case EXECUTABLE_VALUE -> {
                if (stringLength != 0) {
                    throw unexpected();
                }
                expect = Expect.CONTENTS_KEY;
            }
            case CONTENTS_KEY -> expect = require(CONTENTS, Expect.CONTENTS);
            case CLOSE -> {
                require(CLOSE, Expect.CLOSE);
                endNode();
            }
            case TARGET_KEY -> expect = require(TARGET, Expect.TARGET);
            case TARGET -> {
                if (stringLength == 0 || contains((byte) 0)) {
                    throw unexpected();
                }
                if (tracksPaths) {
                    visitor.symlink(currentPath(), new String(string, 0, stringLength, StandardCharsets.UTF_8));
                }
                expect = Expect.CLOSE;
            }
            case DIRECTORY_FIELD -> {
                if (is(CLOSE)) {
                    Frame frame = directories.remove(directories.size() - 1);
                    visitor.endDirectory(currentPath());
                    path.setLength(frame.pathLength);
                    endNode();
                } else {
                    expect = require(ENTRY, Expect.ENTRY_OPEN);
                }
            }
            case ENTRY_OPEN -> expect = require(OPEN, Expect.NAME_KEY);
            case NAME_KEY -> expect = require(NAME, Expect.NAME);
            case NAME -> acceptName();
            case NODE_KEY -> {
                require(NODE, Expect.NODE_KEY);
                enterEntry();
                expect = Expect.OPEN;
            }
            case ENTRY_CLOSE -> {
                require(CLOSE, Expect.ENTRY_CLOSE);
                leaveEntry();
                expect = Expect.DIRECTORY_FIELD;
            }
            default -> throw new AssertionError(expect);
        }
    }

    private void startNode() {
        if (is(REGULAR)) {
            expect = Expect.REGULAR_FIELD;
        } else if (is(SYMLINK)) {
            expect = Expect.TARGET_KEY;
        } else if (is(DIRECTORY)) {
            if (directories.size() == NarValidator.MAX_DEPTH) {
                throw fail(tokenStart, "no more than " + NarValidator.MAX_DEPTH + " nested directories",
                        "a directory nested " + (NarValidator.MAX_DEPTH + 1) + " deep");
            }
            directories.add(new Frame(path.length()));
            visitor.directory(currentPath());
            expect = Expect.DIRECTORY_FIELD;
        } else {
            throw unexpected();
        }
    }

    private void endNode() {
        expect = directories.isEmpty() ? Expect.END : Expect.ENTRY_CLOSE;
    }

    private void acceptName() {
        if (stringLength == 0 || contains((byte) '/') || contains((byte) 0) || is(DOT) || is(DOT_DOT)) {
            throw unexpected();
        }
        Frame directory = directories.get(directories.size() - 1);
        if (directory.previousLength >= 0) {
            int order = Arrays.compareUnsigned(string, 0, stringLength,
                    directory.previousName, 0, directory.previousLength);
            if (order <= 0) {
                throw fail(tokenStart, "an entry name sorting after "
                        + describe(directory.previousName, directory.previousLength),
                        describe(string, stringLength) + (order == 0 ? " again" : ""));
            }
        }
        System.arraycopy(string, 0, directory.previousName, 0, stringLength);
        directory.previousLength = stringLength;
        expect = Expect.NODE_KEY;
    }

    private void enterEntry() {
        if (!tracksPaths) {
            return;
        }
        Frame directory = directories.get(directories.size() - 1);
        if (path.length() > 0) {
            path.append('/');
        }
        path.append(new String(directory.previousName, 0, directory.previousLength, StandardCharsets.UTF_8));
    }

    private void leaveEntry() {
        path.setLength(directories.get(directories.size() - 1).pathLength);
    }

    private String currentPath() {
        return tracksPaths ? path.toString() : "";
    }

    private Expect require(byte[] keyword, Expect next) {
        if (!is(keyword)) {
            throw unexpected();
        }
        return next;
    }

    private boolean is(byte[] keyword) {
        return Arrays.equals(string, 0, stringLength, keyword, 0, keyword.length);
    }

    private boolean contains(byte b) {
        for (int i = 0; i < stringLength; i++) {
            if (string[i] == b) {
                return true;
            }
        }
        return false;
    }

    private BadNarException unexpected() {
        return fail(tokenStart, expect.description, describe(string, stringLength));
    }

    private BadNarException fail(long at, String expected, String found) {
        failure = new BadNarException(at, expected, found);
        return failure;
    }

    /** A string as a quoted, escaped, shortened literal for an error message. */
    static String describe(byte[] bytes, int count) {
        StringBuilder out = new StringBuilder("\"");
        int shown = Math.min(count, 64);
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        out.append('"');
        if (shown < count) {
            out.append("... (").append(count).append(" bytes)");
        }
        return out.toString();
    }

    private static String bytes(long count) {
        return count == 1 ? "1 byte" : count + " bytes";
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
