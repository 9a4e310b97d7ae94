package dev.attic.nar;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;

/**
 * A NAR that breaks the grammar of the format, including one that ends early. Carries the byte
 * offset at which the fault was found (for a bad string: where its length field starts; for a
 * truncated NAR: where the input ended), what the grammar expected there and what was found.
 */
public class BadNarException extends BadInputException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String expected;
    private final String found;

    public BadNarException(long offset, String expected, String found) {
        super(ErrorCode.BAD_NAR, "bad NAR at byte " + offset + ": expected " + expected + ", found " + found);
        this.offset = offset;
        this.expected = expected;
        this.found = found;
    }

    /** The byte offset from the start of the NAR at which the fault was found. */
    public long offset() {
        return offset;
    }

    /** What the grammar allowed at {@link #offset()}. */
    public String expected() {
        return expected;
    }

    /** What was there instead, for instance {@code "end of input"}. */
    public String found() {
        return found;
    }
}
