package dev.attic.references;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A masked NAR with its hashes put back: the original bytes, streamed. Reads of any size work; a
 * mismatch between the bytes and the table fails the read as {@link ReferenceRestorer} says.
 */
public final class ReferenceRestoringInputStream extends InputStream {
    private final InputStream masked;
    private final ReferenceRestorer restorer;
    private boolean ended;

    public ReferenceRestoringInputStream(InputStream masked, ReferenceTable table) {
        this.masked = Objects.requireNonNull(masked, "masked");
        this.restorer = new ReferenceRestorer(table);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (ended) {
            return -1;
        }
        int n = masked.read(buffer, offset, length);
        if (n < 0) {
            ended = true;
            restorer.finish();
            return -1;
        }
        restorer.restore(buffer, offset, n);
        return n;
    }

    @Override
    public int available() throws IOException {
        return ended ? 0 : masked.available();
    }

    @Override
    public void close() throws IOException {
        masked.close();
    }
}
