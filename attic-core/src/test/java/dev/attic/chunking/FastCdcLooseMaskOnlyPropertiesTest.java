package dev.attic.chunking;

/**
 * The chunker properties for FastCDC with min-size close to avg-size: the normalization point
 * {@code avg - min(avg, 1.5 * min)} falls at 0, so only the loose mask is ever used.
 */
class FastCdcLooseMaskOnlyPropertiesTest extends ChunkerProperties {

    @Override
    protected Chunker chunker() {
        return FastCdc.withSizes(1024, 1024, 4096);
    }
}
