package dev.attic.engine;

import dev.attic.BackendException;
import dev.attic.ErrorCode;
import dev.attic.storage.Storage;
import dev.attic.storage.StorageKey;
import dev.attic.storage.StoredObject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A real storage that fails on demand: the N-th {@code put} throws, or the streams {@code open}
 * returns break after a given number of bytes. Faults a real disk or S3 server cannot be made to
 * produce at a chosen moment; everything else goes to the wrapped storage unchanged.
 */
public final class FaultyStorage implements Storage {
    private final Storage real;
    private final AtomicInteger puts = new AtomicInteger();
    private volatile int failingPut = -1;
    private final AtomicLong readBudget = new AtomicLong(Long.MAX_VALUE);

    public FaultyStorage(Storage real) {
        this.real = real;
    }

    /** Makes the {@code n}-th put from now (1-based) fail, after reading part of its input; the others succeed. */
    public void failPutNumber(int n) {
        puts.set(0);
        failingPut = n;
    }

    /** Makes every stream opened from now on fail once {@code bytes} bytes in total have been read from them. */
    public void failReadsAfter(long bytes) {
        readBudget.set(bytes);
    }

    /** Puts and reads succeed again. */
    public void heal() {
        failingPut = -1;
        readBudget.set(Long.MAX_VALUE);
    }

    /** How many puts were attempted since the last {@link #failPutNumber}. */
    public int putCount() {
        return puts.get();
    }

    @Override
    public long put(StorageKey key, InputStream data, long length) {
        if (puts.incrementAndGet() == failingPut) {
            try {
                data.read(new byte[16]);
            } catch (IOException e) {
                // the put fails anyway
            }
            throw new BackendException(ErrorCode.STORAGE_ERROR, "injected fault: put #" + failingPut + " of " + key.value(), false, null);
        }
        return real.put(key, data, length);
    }

    @Override
    public InputStream open(StorageKey key) {
        return breaking(real.open(key));
    }

    @Override
    public InputStream open(StorageKey key, long offset, long length) {
        return breaking(real.open(key, offset, length));
    }

    private InputStream breaking(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                take(1);
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    take(n);
                }
                return n;
            }

            private void take(int n) throws IOException {
                if (readBudget.addAndGet(-n) < 0) {
                    throw new IOException("injected fault: the storage stopped answering mid-read");
                }
            }
        };
    }

    @Override
    public Optional<Long> size(StorageKey key) {
        return real.size(key);
    }

    @Override
    public void delete(StorageKey key) {
        real.delete(key);
    }

    @Override
    public Stream<StoredObject> list(String prefix) {
        return real.list(prefix);
    }

    @Override
    public Optional<URI> downloadUrl(StorageKey key, Duration validFor) {
        return real.downloadUrl(key, validFor);
    }

    @Override
    public void close() {
        real.close();
    }
}
