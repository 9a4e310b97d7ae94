package dev.attic.nar;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Checks bytes against the NAR grammar as they pass by, without holding any file contents: feed it
 * the NAR in pieces of any size with {@link #update}, then call {@link #finish}. To check a stream
 * that someone else consumes (hashing, chunking, storing), wrap it: {@link #inputStream} and
 * {@link #outputStream} see every byte once and throw {@link BadNarException} as soon as the bytes
 * stop being a NAR, or at the end if the NAR is incomplete.
 *
 * <p>The grammar is the one {@code nix-store --dump} writes and {@code nix-store --restore} reads,
 * held to its canonical form: the magic {@code nix-archive-1}; each string a little-endian u64
 * length, the bytes, and zero padding to a multiple of 8; regular files with an optional
 * {@code executable ""} marker before {@code contents}; symlinks with a non-empty target without
 * NUL; directory entries in strictly ascending byte order of their names, no name empty,
 * {@code .}, {@code ..}, or holding {@code /} or NUL; nothing after the root node. Memory stays
 * bounded by the limits below whatever the input: a declared length is checked before anything is
 * read for it, and file contents are never buffered.
 *
 * <p>One instance checks one NAR, from one thread. After a {@link BadNarException} every further
 * call throws it again.
 */
public final class NarValidator {

    /** The longest entry name: 255 bytes, the NAME_MAX of Linux and macOS file systems. */
    public static final int MAX_NAME_LENGTH = 255;

    /** The longest symlink target: 4095 bytes, Linux's PATH_MAX less its terminating NUL. */
    public static final int MAX_TARGET_LENGTH = 4095;

    /** The most directories nested in one another, the root counting as one. */
    public static final int MAX_DEPTH = 1024;

    static final NarVisitor NO_VISITOR = new NarVisitor() {};

    private final NarParser parser;

    /** A validator that only checks. */
    public NarValidator() {
        this(NO_VISITOR, Long.MAX_VALUE);
    }

    /** A validator that also reports the tree to {@code visitor} as it goes. */
    public NarValidator(NarVisitor visitor) {
        this(visitor, Long.MAX_VALUE);
    }

    /**
     * A validator for a NAR known to be at most {@code maxSize} bytes long (for instance its
     * declared NarSize): a length that would reach past it fails at once rather than at the end.
     */
    public NarValidator(NarVisitor visitor, long maxSize) {
        Objects.requireNonNull(visitor, "visitor");
        if (maxSize < 0) {
            throw new IllegalArgumentException("maxSize must not be negative: " + maxSize);
        }
        this.parser = new NarParser(visitor, maxSize);
    }

    /** Checks the next {@code length} bytes of the NAR. */
    public void update(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        parser.update(buffer, offset, length);
    }

    /** Says that the NAR ends here: throws {@link BadNarException} unless it is complete. */
    public void finish() {
        parser.finish();
    }

    /** How many bytes were checked so far. */
    public long size() {
        return parser.offset();
    }

    /** True once a whole NAR has been seen (further bytes would be trailing garbage). */
    public boolean isComplete() {
        return parser.isComplete();
    }

    /**
     * {@code in}, with every byte read from it checked by this validator; at the end of
     * {@code in} the validator is {@linkplain #finish() finished}. Skipped bytes are read and
     * checked too. A consumer that may stop reading before the end must call {@link #finish()}
     * itself (it is idempotent) to learn whether the NAR was complete.
     */
    public InputStream inputStream(InputStream in) {
        Objects.requireNonNull(in, "in");
        return new FilterInputStream(in) {
            private final byte[] one = new byte[1];
            private boolean ended;

            @Override
            public int read() throws IOException {
                int n;
                do {
                    n = read(one, 0, 1);
                } while (n == 0);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    update(b, off, n);
                } else if (n < 0 && !ended) {
                    ended = true;
                    finish();
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                byte[] scratch = new byte[(int) Math.min(Math.max(n, 0), 8192)];
                long skipped = 0;
                while (skipped < n) {
                    int got = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
                    if (got < 0) {
                        break;
                    }
                    skipped += got;
                }
                return skipped;
            }

            @Override
            public boolean markSupported() {
                return false;
            }

            @Override
            public synchronized void mark(int readlimit) {
                // Not supported: a reset would feed the validator the same bytes twice.
            }

            @Override
            public synchronized void reset() throws IOException {
                throw new IOException("mark/reset not supported while validating a NAR");
            }
        };
    }

    /**
     * {@code out}, with every byte written to it checked by this validator first; closing the
     * returned stream {@linkplain #finish() finishes} the validator, then closes {@code out}.
     */
    public OutputStream outputStream(OutputStream out) {
        Objects.requireNonNull(out, "out");
        return new FilterOutputStream(out) {
            private final byte[] one = new byte[1];
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                one[0] = (byte) b;
                write(one, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                update(b, off, len);
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    finish();
                } finally {
                    out.close();
                }
            }
        };
    }
}
