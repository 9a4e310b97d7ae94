package dev.attic.storage.s3;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * A download body that must yield exactly {@code expected} bytes: ending early throws instead of
 * looking like a complete object, and any failure of the HTTP client reaches the reader as an
 * {@link IOException}. Closed before its end, it aborts the connection rather than draining it.
 */
final class CheckedLengthStream extends InputStream {
    private final ResponseInputStream<?> body;
    private final String name;
    private final long expected;
    private long remaining;

    CheckedLengthStream(ResponseInputStream<?> body, String name, long expected) {
        this.body = body;
        this.name = name;
        this.expected = expected;
        this.remaining = expected;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (remaining == 0) {
            return -1;
        }
        int n;
        try {
            n = body.read(b, off, (int) Math.min(len, remaining));
        } catch (RuntimeException e) {
            throw new IOException("reading " + name + " from S3 failed after " + (expected - remaining) + " bytes: " + e, e);
        }
        if (n < 0) {
            throw new EOFException(name + " ended after " + (expected - remaining) + " of " + expected + " bytes");
        }
        remaining -= n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(remaining, body.available());
    }

    @Override
    public void close() throws IOException {
        if (remaining > 0) {
            body.abort();
        }
        body.close();
    }
}
