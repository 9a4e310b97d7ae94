package dev.attic.chunking;

/** The chunker properties for FastCDC at the smallest sizes it accepts: many chunks per input. */
class FastCdcPropertiesTest extends ChunkerProperties {

    @Override
    protected Chunker chunker() {
        return FastCdc.withSizes(64, 256, 1024);
    }
}
