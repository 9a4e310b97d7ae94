package dev.attic.chunking;

/**
 * The chunker properties for FastCDC at sizes that are not powers of two, with an average whose
 * log2 rounds up (log2 725 = 9.502 rounds to 10, where a truncating log2 would give 9).
 */
class FastCdcOddSizesPropertiesTest extends ChunkerProperties {

    @Override
    protected Chunker chunker() {
        return FastCdc.withSizes(200, 725, 3000);
    }
}
