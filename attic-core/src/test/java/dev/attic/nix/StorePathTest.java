package dev.attic.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class StorePathTest {
    private static final String HASH = "2ab9s0ih703f3pqjqnql3b8hrm35c4vz";
    private static final String FULL = "/nix/store/" + HASH + "-oracle-text";

    @Test
    void parsesAFullPathIntoItsParts() {
        StorePath path = StorePath.parse(FULL);
        assertEquals("/nix/store", path.storeDir());
        assertEquals(HASH, path.hashPart().toString());
        assertEquals("oracle-text", path.name());
        assertEquals(HASH + "-oracle-text", path.baseName());
        assertEquals(FULL, path.toString());
        assertEquals(path, StorePath.fromBaseName(HASH + "-oracle-text"));
    }

    @Test
    void parsesPathsInAnotherStoreDir() {
        StorePath path = StorePath.parse("/tmp/my.store/" + HASH + "-x", "/tmp/my.store");
        assertEquals("/tmp/my.store", path.storeDir());
        assertEquals("/tmp/my.store/" + HASH + "-x", path.toString());
        assertEquals(path, StorePath.fromBaseName(HASH + "-x", "/tmp/my.store"));
    }

    @Test
    void acceptsEveryAllowedNameCharacterAndTheLongestName() {
        assertEquals("aZ09+-._?=", StorePath.fromBaseName(HASH + "-aZ09+-._?=").name());
        assertEquals(211, StorePath.fromBaseName(HASH + "-" + "a".repeat(211)).name().length());
        assertEquals("-x", StorePath.fromBaseName(HASH + "--x").name());
    }

    @Test
    void rejectsPathsNixRejects() {
        for (String tried : List.of(
                "/nix/store/" + HASH + "-" + "a".repeat(212),     // name of 212 characters
                "/nix/store/" + HASH + "-",                       // empty name
                "/nix/store/" + HASH,                             // no name
                "/nix/store/" + HASH + "-.hidden",                // name starts with a period
                "/nix/store/" + HASH + "-a b",                    // space
                "/nix/store/" + HASH + "-a/b",                    // nested path
                "/nix/store/" + HASH + "-a/",                     // trailing slash
                "/nix/store/" + HASH + "-..",                     // dot-dot name
                "/nix/store/../etc/" + HASH + "-x",               // traversal before the base name
                "/nix/store/" + HASH + "-x/../../etc/passwd",     // traversal after it
                "/nix/store//" + HASH + "-x",                     // double slash
                "/nix/store/" + HASH.substring(1) + "-x",         // 31-character hash
                "/nix/store/" + HASH + "a-x",                     // 33-character hash
                "/nix/store/e" + HASH.substring(1) + "-x",        // 'e' in the hash
                "/nix/store/" + HASH.toUpperCase() + "-x",        // upper-case hash
                "/nix/store/" + HASH + "_x",                      // no dash after the hash
                "/nix/store/" + HASH + "-x\n",                    // newline
                "/nix/store/" + HASH + "-caf\u00e9",              // non-ASCII
                "/nix/storex/" + HASH + "-x",                     // other store dir sharing a prefix
                "/gnu/store/" + HASH + "-x",                      // other store dir
                "nix/store/" + HASH + "-x",                       // relative
                HASH + "-x",                                      // base name, not a full path
                "/nix/store",                                     // the store dir itself
                "/nix/store/",                                    // the store dir with a slash
                "")) {
            BadInputException e = assertThrows(BadInputException.class, () -> StorePath.parse(tried), tried);
            assertEquals(ErrorCode.INVALID_STORE_PATH, e.code(), tried);
        }
    }

    @Test
    void rejectsBadStoreDirs() {
        for (String dir : List.of("", "/", "nix/store", "/nix/store/", "/nix//store", "/nix/../store", "/nix/./store",
                "/nix/st ore", "/nix/st=re")) {
            assertThrows(BadInputException.class, () -> StorePath.parse(dir + "/" + HASH + "-x", dir), dir);
            assertThrows(BadInputException.class, () -> StorePath.fromBaseName(HASH + "-x", dir), dir);
        }
    }

    @Test
    void rejectsAnInvalidNameInTheConstructor() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> new StorePath("/nix/store", new StorePathHash(HASH), "a".repeat(212)));
        assertTrue(e.getMessage().contains("212"), e.getMessage());
    }

    @Test
    void validatesABareStorePathHash() {
        assertEquals(HASH, StorePathHash.parse(HASH).value());
        for (String tried : List.of("", HASH.substring(1), HASH + "0", "e" + HASH.substring(1), "../" + HASH.substring(3),
                HASH.substring(0, 31) + "/", HASH.toUpperCase(), HASH + ".narinfo")) {
            BadInputException e = assertThrows(BadInputException.class, () -> StorePathHash.parse(tried), tried);
            assertEquals(ErrorCode.INVALID_STORE_PATH, e.code());
        }
    }

    @Property
    void parsesWhatItPrints(@ForAll("storePaths") StorePath path) {
        assertEquals(path, StorePath.parse(path.toString()));
        assertEquals(path, StorePath.fromBaseName(path.baseName()));
    }

    @Provide
    Arbitrary<StorePath> storePaths() {
        return NixArbitraries.storePaths();
    }
}
