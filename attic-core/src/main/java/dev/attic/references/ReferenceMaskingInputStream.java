package dev.attic.references;

import dev.attic.nix.StorePath;
import dev.attic.nix.StorePathHash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A NAR with the hashes of the store paths it embeds masked: wherever {@code <storeDir>/} is
 * followed by 32 characters of Nix's base-32, those 32 characters are replaced by a placeholder
 * that is not base-32, and recorded in the {@link #table()}. A longer run of base-32 characters
 * has its first 32 masked; a run of 31 is left alone. The store directory itself stays.
 *
 * <p>The stream has the length of the original and every byte keeps its offset. It holds one
 * buffer of at least 64 KiB and carries at most {@code storeDir.length() + 32} bytes from one read
 * of the source to the next, so a hash split across reads is found. Once the table holds
 * {@code maxReferences} references, later hashes are left in place and counted in
 * {@link #referencesLeftInPlace()}: still correct, they only dedup as plain chunks do.
 */
public final class ReferenceMaskingInputStream extends InputStream {
    /** The default cap on a table: at most about 1 MiB while masking, 2 MiB encoded at worst. */
    public static final int DEFAULT_MAX_REFERENCES = 65_536;

    private static final int HASH = StorePathHash.LENGTH;
    private static final int MIN_BUFFER = 64 * 1024;

    private final InputStream source;
    private final byte[] prefix;
    private final int window;
    private final byte[] buffer;
    /** Horspool's shift for each byte seen at the last position of the store directory's window. */
    private final int[] skip = new int[256];
    private final ReferenceTable.Builder table;
    /** Bytes before {@code start} were handed out; bytes in [start, scan) are final; [scan, end) undecided. */
    private int start;
    private int scan;
    private int end;
    /** The stream offset of {@code buffer[0]}. */
    private long base;
    private boolean sourceEnded;
    private long leftInPlace;

    /** Masks the hashes of paths in {@code storeDir}, with the default cap. */
    public ReferenceMaskingInputStream(InputStream source, String storeDir) {
        this(source, storeDir, DEFAULT_MAX_REFERENCES);
    }

    /**
     * @param storeDir the store directory, such as {@value StorePath#DEFAULT_STORE_DIR}
     * @param maxReferences the most hashes to mask; 0 masks none
     */
    public ReferenceMaskingInputStream(InputStream source, String storeDir, int maxReferences) {
        this.source = Objects.requireNonNull(source, "source");
        // validates the store directory as Nix does
        new StorePath(Objects.requireNonNull(storeDir, "storeDir"), new StorePathHash("0".repeat(HASH)), "x");
        if (maxReferences < 0) {
            throw new IllegalArgumentException("maxReferences must be 0 or more, got " + maxReferences);
        }
        this.prefix = (storeDir + "/").getBytes(StandardCharsets.UTF_8);
        this.window = prefix.length + HASH;
        this.buffer = new byte[Math.max(MIN_BUFFER, 4 * window)];
        java.util.Arrays.fill(skip, prefix.length);
        for (int k = 0; k < prefix.length - 1; k++) {
            skip[prefix[k] & 0xff] = prefix.length - 1 - k;
        }
        this.table = new ReferenceTable.Builder(maxReferences);
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
    public int read(byte[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        while (start == scan) {
            if (sourceEnded && start == end) {
                return -1;
            }
            fill();
            settle();
        }
        int n = Math.min(length, scan - start);
        System.arraycopy(buffer, start, target, offset, n);
        start += n;
        return n;
    }

    @Override
    public int available() {
        return scan - start;
    }

    /** Reads more of the source, first moving the undecided bytes to the front of the buffer. */
    private void fill() throws IOException {
        if (sourceEnded) {
            return;
        }
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            base += start;
            scan -= start;
            end -= start;
            start = 0;
        }
        int n = source.read(buffer, end, buffer.length - end);
        if (n < 0) {
            sourceEnded = true;
        } else {
            end += n;
        }
    }

    /**
     * Decides every position it can: masks the matches that start there, or passes over it. The
     * store directory is found with Horspool's skip (most bytes of a binary are never looked at);
     * a found directory is then checked for 32 base-32 characters.
     */
    private void settle() {
        final byte[] buf = buffer;
        final byte[] pre = prefix;
        final int p = pre.length;
        final byte last = pre[p - 1];
        final int e = end;
        int s = scan;
        while (true) {
            while (s + p <= e) {
                byte b = buf[s + p - 1];
                if (b == last && startsWithPrefix(buf, s)) {
                    break;
                }
                s += skip[b & 0xff];
            }
            if (s + p > e) {
                s = undecidedFrom(s);
                break;
            }
            int match = hashAt(s + p);
            if (match < 0) {
                break; // needs bytes not read yet
            }
            if (match == 0) {
                s += skip[last & 0xff];
                continue;
            }
            int hashAt = s + p;
            if (table.isFull()) {
                leftInPlace++;
            } else {
                table.add(base + hashAt, buf, hashAt);
                System.arraycopy(MaskedHash.PLACEHOLDER, 0, buf, hashAt, HASH);
            }
            s += window;
        }
        scan = s;
    }

    private boolean startsWithPrefix(byte[] buf, int at) {
        for (int k = 0; k < prefix.length - 1; k++) {
            if (buf[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first position from {@code from} on where the bytes up to {@code end} could still begin
     * the store directory, or {@code end}: only such a tail waits for the next read. At the end of
     * the source nothing waits.
     */
    private int undecidedFrom(int from) {
        if (sourceEnded) {
            return end;
        }
        for (int t = from; t < end; t++) {
            int k = 0;
            while (t + k < end && buffer[t + k] == prefix[k]) {
                k++;
            }
            if (t + k == end) {
                return t;
            }
        }
        return end;
    }

    /** 1 if 32 base-32 characters start at {@code at}, 0 if not, -1 if the source must say more. */
    private int hashAt(int at) {
        for (int k = 0; k < HASH; k++) {
            if (at + k >= end) {
                return sourceEnded ? 0 : -1;
            }
            if (!MaskedHash.isNix32(buffer[at + k])) {
                return 0;
            }
        }
        return 1;
    }

    /**
     * The references masked so far; all of them once the stream has returned -1.
     *
     * @throws IllegalStateException before the end of the stream was read
     */
    public ReferenceTable table() {
        if (!sourceEnded || start != end) {
            throw new IllegalStateException("the reference table is known only after the whole stream was read");
        }
        return table.build();
    }

    /** How many hashes were found after the table was full, and left unmasked. */
    public long referencesLeftInPlace() {
        return leftInPlace;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
