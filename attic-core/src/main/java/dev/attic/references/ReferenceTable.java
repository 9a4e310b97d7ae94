package dev.attic.references;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.nix.Nix32;
import dev.attic.nix.StorePathHash;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a masked NAR's store path hashes were: the {@link Reference}s in stream order, which never
 * overlap. An empty table is a NAR with nothing masked (a plain NAR).
 *
 * <p>{@link #encode()} writes it compactly: a format byte ({@value #FORMAT}), the distinct hashes
 * in order of first use (20 raw bytes each, the nix32 decoding of the 32 characters), then per
 * reference two unsigned LEB128 varints: the distance from the end of the previous hash (from 0
 * for the first) and the index of its hash among the distinct ones. A reference every 16 KiB to
 * one dependency costs about 3 bytes. {@link #decode} accepts exactly what {@code encode} writes.
 */
public final class ReferenceTable {
    /** The format byte that starts every encoded table. */
    public static final int FORMAT = 1;
    /** A table with no references. */
    public static final ReferenceTable EMPTY = new ReferenceTable(new long[0], new int[0], new byte[0]);

    private static final int HASH = StorePathHash.LENGTH;
    private static final int RAW_HASH = 20;

    private final long[] positions;
    private final int[] hashIndices;
    /** The distinct hashes' characters, 32 ASCII bytes each. */
    private final byte[] hashChars;

    private ReferenceTable(long[] positions, int[] hashIndices, byte[] hashChars) {
        this.positions = positions;
        this.hashIndices = hashIndices;
        this.hashChars = hashChars;
    }

    /**
     * A table of these references.
     *
     * @throws IllegalArgumentException unless each reference starts at or after the end of the one before
     */
    public static ReferenceTable of(List<Reference> references) {
        Builder builder = new Builder(Integer.MAX_VALUE);
        for (Reference reference : references) {
            Objects.requireNonNull(reference, "reference");
            if (reference.position() < builder.lastEnd) {
                throw new IllegalArgumentException("reference at " + reference.position()
                        + " starts before the end of the previous one at " + builder.lastEnd);
            }
            builder.add(reference.position(), reference.hash().value().getBytes(StandardCharsets.US_ASCII), 0);
        }
        return builder.build();
    }

    /** The number of references. */
    public int size() {
        return positions.length;
    }

    public boolean isEmpty() {
        return positions.length == 0;
    }

    /** The i-th reference, in stream order. */
    public Reference reference(int i) {
        return new Reference(positions[i], hash(hashIndices[i]));
    }

    /** The references, in stream order. */
    public List<Reference> references() {
        return new AbstractList<>() {
            @Override
            public Reference get(int i) {
                return reference(i);
            }

            @Override
            public int size() {
                return positions.length;
            }
        };
    }

    /** The distinct hashes, in order of first use. */
    public List<StorePathHash> hashes() {
        List<StorePathHash> hashes = new ArrayList<>(hashChars.length / HASH);
        for (int i = 0; i < hashChars.length / HASH; i++) {
            hashes.add(hash(i));
        }
        return List.copyOf(hashes);
    }

    private StorePathHash hash(int index) {
        return new StorePathHash(new String(hashChars, index * HASH, HASH, StandardCharsets.US_ASCII));
    }

    long position(int i) {
        return positions[i];
    }

    /** The k-th character of the i-th reference's hash, as an ASCII byte. */
    byte hashChar(int i, int k) {
        return hashChars[hashIndices[i] * HASH + k];
    }

    /** The compact binary form described on the class. */
    public byte[] encode() {
        int distinct = hashChars.length / HASH;
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + distinct * RAW_HASH + positions.length * 4);
        out.write(FORMAT);
        writeVarint(out, distinct);
        for (int i = 0; i < distinct; i++) {
            out.writeBytes(Nix32.decode(new String(hashChars, i * HASH, HASH, StandardCharsets.US_ASCII), RAW_HASH));
        }
        writeVarint(out, positions.length);
        long lastEnd = 0;
        for (int i = 0; i < positions.length; i++) {
            writeVarint(out, positions[i] - lastEnd);
            writeVarint(out, hashIndices[i]);
            lastEnd = positions[i] + HASH;
        }
        return out.toByteArray();
    }

    /**
     * Reads what {@link #encode()} wrote.
     *
     * @throws BadInputException ({@link ErrorCode#BAD_REQUEST}) on anything else: another format
     *     byte, a truncated or over-long table, a count larger than the bytes that follow could
     *     hold, a varint that is not minimal or overflows, a hash index out of range, a distinct hash
     *     listed twice, unused or out of first-use order, or a position beyond the largest NAR
     */
    public static ReferenceTable decode(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        Reader in = new Reader(encoded);
        int format = in.nextByte("format byte");
        if (format != FORMAT) {
            throw malformed("unknown format byte " + format + " (expected " + FORMAT + ")");
        }
        int distinct = in.count("distinct hash count", RAW_HASH);
        byte[] hashChars = new byte[distinct * HASH];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < distinct; i++) {
            String hash = Nix32.encode(in.bytes(RAW_HASH));
            if (!seen.add(hash)) {
                throw malformed("distinct hash " + hash + " is listed twice");
            }
            System.arraycopy(hash.getBytes(StandardCharsets.US_ASCII), 0, hashChars, i * HASH, HASH);
        }
        int count = in.count("reference count", 2);
        if (count < distinct) {
            throw malformed(count + " references cannot use " + distinct + " distinct hashes");
        }
        long[] positions = new long[count];
        int[] indices = new int[count];
        long lastEnd = 0;
        int nextNew = 0;
        for (int i = 0; i < count; i++) {
            long delta = in.varint("position of reference " + i);
            if (delta > Long.MAX_VALUE - HASH - lastEnd) {
                throw malformed("position of reference " + i + " overflows");
            }
            long index = in.varint("hash index of reference " + i);
            if (index > nextNew || index >= distinct) {
                throw malformed("reference " + i + " uses hash index " + index + " but the next unused"
                        + " of the " + distinct + " distinct hashes is " + nextNew
                        + " (hashes are listed in order of first use)");
            }
            if (index == nextNew) {
                nextNew++;
            }
            positions[i] = lastEnd + delta;
            indices[i] = (int) index;
            lastEnd = positions[i] + HASH;
        }
        if (nextNew != distinct) {
            throw malformed((distinct - nextNew) + " of the " + distinct + " distinct hashes are never used");
        }
        in.requireEnd();
        return count == 0 ? EMPTY : new ReferenceTable(positions, indices, hashChars);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) (value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static BadInputException malformed(String why) {
        return new BadInputException(ErrorCode.BAD_REQUEST, "malformed reference table: " + why);
    }

    /** Reads an encoded table, failing on every inconsistency before it allocates for it. */
    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int nextByte(String what) {
            if (at >= bytes.length) {
                throw malformed("truncated at byte " + at + ", reading the " + what);
            }
            return bytes[at++] & 0xff;
        }

        byte[] bytes(int n) {
            if (bytes.length - at < n) {
                throw malformed("truncated at byte " + bytes.length + ", reading a hash at byte " + at);
            }
            byte[] out = Arrays.copyOfRange(bytes, at, at + n);
            at += n;
            return out;
        }

        /** A count of items each at least {@code minBytes} long, bounded by the bytes left. */
        int count(String what, int minBytes) {
            long value = varint(what);
            long room = (bytes.length - at) / minBytes;
            if (value > room) {
                throw malformed("the " + what + " is " + value + ", but only " + (bytes.length - at)
                        + " bytes follow");
            }
            return (int) value;
        }

        long varint(String what) {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                int b = nextByte(what);
                if (shift == 63 && b > 1) {
                    throw malformed("the " + what + " overflows 64 bits");
                }
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    if (b == 0 && shift > 0) {
                        throw malformed("the " + what + " is not minimally encoded");
                    }
                    if (value < 0) {
                        throw malformed("the " + what + " overflows");
                    }
                    return value;
                }
            }
        }

        void requireEnd() {
            if (at != bytes.length) {
                throw malformed((bytes.length - at) + " bytes after the last reference");
            }
        }
    }

    /** Collects references as a stream is masked, at most {@code maxReferences} of them. */
    static final class Builder {
        private final int maxReferences;
        private final Map<String, Integer> indexOf = new HashMap<>();
        private final ByteArrayOutputStream hashChars = new ByteArrayOutputStream();
        private long[] positions = new long[16];
        private int[] indices = new int[16];
        private int size;
        private long lastEnd;

        Builder(int maxReferences) {
            this.maxReferences = maxReferences;
        }

        boolean isFull() {
            return size >= maxReferences;
        }

        /** Adds the hash whose 32 ASCII characters are at {@code chars[offset..]}, found at {@code position}. */
        void add(long position, byte[] chars, int offset) {
            if (isFull()) {
                throw new IllegalStateException("the table is full at " + maxReferences + " references");
            }
            String hash = new String(chars, offset, HASH, StandardCharsets.US_ASCII);
            Integer index = indexOf.get(hash);
            if (index == null) {
                new StorePathHash(hash);
                index = indexOf.size();
                indexOf.put(hash, index);
                hashChars.write(chars, offset, HASH);
            }
            if (size == positions.length) {
                int grown = (int) Math.min((long) size * 2, Integer.MAX_VALUE - 8);
                positions = Arrays.copyOf(positions, grown);
                indices = Arrays.copyOf(indices, grown);
            }
            positions[size] = position;
            indices[size] = index;
            size++;
            lastEnd = position + HASH;
        }

        ReferenceTable build() {
            if (size == 0) {
                return EMPTY;
            }
            return new ReferenceTable(Arrays.copyOf(positions, size), Arrays.copyOf(indices, size),
                    hashChars.toByteArray());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceTable other && Arrays.equals(positions, other.positions)
                && Arrays.equals(hashIndices, other.hashIndices) && Arrays.equals(hashChars, other.hashChars);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(positions) + Arrays.hashCode(hashIndices)) + Arrays.hashCode(hashChars);
    }

    @Override
    public String toString() {
        return "ReferenceTable[" + positions.length + " references to " + hashChars.length / HASH + " hashes]";
    }
}
