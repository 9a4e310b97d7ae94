package dev.attic.engine;

import dev.attic.chunking.Chunker;

/** The "chunker" for a NAR below the chunking threshold: the whole NAR is one chunk. */
final class WholeNar implements Chunker {
    private final int size;

    WholeNar(long narSize) {
        if (narSize < 1 || narSize > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("a NAR stored as one chunk must be 1 byte to 1 GiB, got " + narSize);
        }
        this.size = (int) narSize;
    }

    @Override
    public int minSize() {
        return 1;
    }

    @Override
    public int maxSize() {
        return size;
    }

    @Override
    public int cut(byte[] data, int start, int available) {
        return available;
    }
}
