package dev.attic.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body that reports how many bytes were read from it, once, at its end or close. */
final class ReceivedBytes extends FilterInputStream {
    private final HttpMetrics metrics;
    private long count;
    private boolean reported;

    ReceivedBytes(InputStream in, HttpMetrics metrics) {
        super(in);
        this.metrics = metrics;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            report();
        } else {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            report();
        } else {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        count += skipped;
        return skipped;
    }

    @Override
    public void close() throws IOException {
        report();
        super.close();
    }

    private void report() {
        if (!reported) {
            reported = true;
            metrics.received(count);
        }
    }
}
