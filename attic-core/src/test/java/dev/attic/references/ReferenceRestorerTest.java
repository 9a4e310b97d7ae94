package dev.attic.references;

import static dev.attic.references.Masking.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BackendException;
import dev.attic.ErrorCode;
import dev.attic.nix.StorePathHash;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceRestorerTest {
    private static final StorePathHash HASH = new StorePathHash("2ab9s0ih703f3pqjqnql3b8hrm35c4vz");
    private static final String E32 = "e".repeat(32);

    @Test
    void restoresAHashSpreadOverBlocksOfOneByte() {
        byte[] masked = ascii("/nix/store/" + E32 + "-x");
        ReferenceRestorer restorer = new ReferenceRestorer(ReferenceTable.of(List.of(new Reference(11, HASH))));
        for (int i = 0; i < masked.length; i++) {
            restorer.restore(masked, i, 1);
        }
        restorer.finish();
        assertEquals("/nix/store/" + HASH + "-x", Masking.text(masked));
    }

    @Test
    void rejectsBytesWithoutThePlaceholderWhereTheTableSaysAHashWas() {
        byte[] plain = ascii("/nix/store/" + HASH + "-x");
        ReferenceRestorer restorer = new ReferenceRestorer(ReferenceTable.of(List.of(new Reference(11, HASH))));
        BackendException e = assertThrows(BackendException.class, () -> restorer.restore(plain, 0, plain.length));
        assertEquals(ErrorCode.INCOMPLETE_NAR, e.code());
        assertTrue(e.getMessage().contains("byte 11"), e.getMessage());
    }

    @Test
    void rejectsAStreamThatEndsBeforeARecordedHash() {
        byte[] masked = ascii("/nix/store/" + E32);
        ReferenceRestorer restorer = new ReferenceRestorer(ReferenceTable.of(
                List.of(new Reference(11, HASH), new Reference(100, HASH))));
        restorer.restore(masked, 0, masked.length);
        BackendException e = assertThrows(BackendException.class, restorer::finish);
        assertTrue(e.getMessage().contains("ended at byte 43, before the hash recorded at 100"), e.getMessage());
    }

    @Test
    void rejectsAStreamThatEndsInsideARecordedHash() {
        byte[] masked = ascii("/nix/store/" + E32.substring(0, 10));
        ReferenceRestorer restorer = new ReferenceRestorer(ReferenceTable.of(List.of(new Reference(11, HASH))));
        restorer.restore(masked, 0, masked.length);
        assertThrows(BackendException.class, restorer::finish);
    }
}
