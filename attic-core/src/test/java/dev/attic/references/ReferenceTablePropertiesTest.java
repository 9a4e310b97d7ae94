package dev.attic.references;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.nix.NixArbitraries;
import dev.attic.nix.StorePathHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The encoding of a {@link ReferenceTable}: it round-trips, and nothing else decodes. */
class ReferenceTablePropertiesTest {

    @Provide
    Arbitrary<ReferenceTable> tables() {
        Arbitrary<List<StorePathHash>> pools = NixArbitraries.storePathHashes().list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<Long> gaps = Arbitraries.oneOf(Arbitraries.longs().between(0, 300),
                Arbitraries.longs().between(0, Long.MAX_VALUE / 64));
        return pools.flatMap(pool -> Combinators.combine(gaps, Arbitraries.integers().between(0, pool.size() - 1))
                .as((gap, index) -> new long[] {gap, index})
                .list().ofMaxSize(60)
                .map(steps -> {
                    List<Reference> refs = new ArrayList<>();
                    long end = 0;
                    for (long[] step : steps) {
                        if (end > Long.MAX_VALUE / 2) {
                            break;
                        }
                        Reference r = new Reference(end + step[0], pool.get((int) step[1]));
                        refs.add(r);
                        end = r.end();
                    }
                    return ReferenceTable.of(refs);
                }));
    }

    @Property(tries = 1000)
    void decodingAnEncodedTableGivesItBack(@ForAll("tables") ReferenceTable table) {
        byte[] encoded = table.encode();
        ReferenceTable decoded = ReferenceTable.decode(encoded);
        assertEquals(table, decoded);
        assertEquals(table.references(), decoded.references());
        assertArrayEquals(encoded, decoded.encode());
    }

    @Property(tries = 300)
    void everyTruncationOfAnEncodedTableIsRejected(@ForAll("tables") ReferenceTable table) {
        byte[] encoded = table.encode();
        for (int length = 0; length < encoded.length; length++) {
            byte[] cut = Arrays.copyOf(encoded, length);
            BadInputException e = assertThrows(BadInputException.class, () -> ReferenceTable.decode(cut),
                    "the first " + length + " of " + encoded.length + " bytes");
            assertEquals(ErrorCode.BAD_REQUEST, e.code());
        }
    }

    @Property(tries = 300)
    void aTableWithBytesAppendedIsRejected(@ForAll("tables") ReferenceTable table, @ForAll byte extra) {
        byte[] encoded = table.encode();
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        longer[encoded.length] = extra;
        assertThrows(BadInputException.class, () -> ReferenceTable.decode(longer));
    }

    /** Random bytes, and tables with one byte changed: rejected, or a table that encodes to exactly them. */
    @Property(tries = 3000)
    void arbitraryBytesDecodeOnlyToTheTableThatEncodesToThem(@ForAll("tables") ReferenceTable table,
            @ForAll byte[] random, @ForAll int where, @ForAll byte value, @ForAll boolean useRandom) {
        byte[] bytes;
        if (useRandom) {
            bytes = random.clone();
            if (bytes.length > 0) {
                bytes[0] = (byte) ReferenceTable.FORMAT;
            }
        } else {
            bytes = table.encode();
            bytes[Math.floorMod(where, bytes.length)] = value;
        }
        ReferenceTable decoded;
        try {
            decoded = ReferenceTable.decode(bytes);
        } catch (BadInputException e) {
            assertEquals(ErrorCode.BAD_REQUEST, e.code());
            return;
        }
        assertArrayEquals(bytes, decoded.encode());
    }
}
