package dev.attic.storage.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import dev.attic.storage.SeededBytes;
import dev.attic.storage.Storage;
import dev.attic.storage.StorageKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PutSourceTest {
    private static final StorageKey KEY = StorageKey.of("k");

    @Property(tries = 200)
    void handsOutExactlyTheBytesOfTheStreamWhateverTheReadSizes(@ForAll @IntRange(max = 5_000) int size,
            @ForAll @IntRange(min = 1, max = 700) int readSize, @ForAll boolean declared, @ForAll boolean peek) {
        byte[] bytes = new SeededBytes(size, size).toArray();
        PutSource source = new PutSource(KEY, new ByteArrayInputStream(bytes), declared ? size : Storage.UNKNOWN_LENGTH);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[readSize];
        while (!(peek && source.atEnd())) {
            int n = source.readFully(buf, 0, readSize);
            out.write(buf, 0, n);
            if (n < readSize) {
                break;
            }
        }
        assertArrayEquals(bytes, out.toByteArray());
        assertEquals(size, source.count());
        assertTrue(source.atEnd());
    }

    @Test
    void rejectsDataShorterThanDeclared() {
        PutSource source = new PutSource(KEY, new ByteArrayInputStream(new byte[10]), 11);
        BadInputException e = assertThrows(BadInputException.class, () -> source.readFully(new byte[20], 0, 20));
        assertTrue(e.getMessage().contains("ended after 10 bytes, but its declared length is 11"), e.getMessage());
    }

    @Test
    void rejectsDataLongerThanDeclaredWhenPeekingAtTheEnd() {
        PutSource source = new PutSource(KEY, new ByteArrayInputStream(new byte[10]), 9);
        assertEquals(9, source.readFully(new byte[9], 0, 9));
        assertThrows(BadInputException.class, source::atEnd);
    }

    @Test
    void turnsAFailingStreamIntoBadInput() {
        PutSource source = new PutSource(KEY, new SeededBytes(1, 100).stream(50, new IOException("peer reset")), 100);
        BadInputException e = assertThrows(BadInputException.class, () -> source.readFully(new byte[100], 0, 100));
        assertTrue(e.getMessage().contains("peer reset"), e.getMessage());
        assertFalse(e.isTransient());
    }

    @Test
    void rejectsANegativeLengthOtherThanUnknown() {
        assertThrows(BadInputException.class, () -> new PutSource(KEY, new ByteArrayInputStream(new byte[0]), -5));
    }
}
