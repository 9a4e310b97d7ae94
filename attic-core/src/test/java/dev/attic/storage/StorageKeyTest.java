package dev.attic.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorageKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"chunks/0a1b2c3d.zst", "c2f4a0d5-6f7e-4b8a-9c1d-2e3f4a5b6c7d.chunk", "a", "A.B_C-D/e",
            "..a", "a..", ".hidden", "x/.y/z"})
    void acceptsRelativeKeysOfSafeCharacters(String value) {
        assertEquals(value, StorageKey.of(value).value());
        assertTrue(StorageKey.isValid(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/chunks/a", "chunks/", "chunks//a", "./a", "a/./b", "../a", "a/..", "a b", "a\\b",
            "a:b", "ä", "a\u0000b", "a%2Fb", "a+b", "a~b"})
    void rejectsKeysThatAreNotRelativePathsOfSafeCharacters(String value) {
        BadInputException e = assertThrows(BadInputException.class, () -> StorageKey.of(value));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertTrue(e.getMessage().startsWith("invalid storage key"), e.getMessage());
        assertFalse(StorageKey.isValid(value));
    }

    @ParameterizedTest
    @ValueSource(ints = {StorageKey.MAX_LENGTH + 1, 10_000})
    void rejectsKeysLongerThanTheLimit(int length) {
        BadInputException e = assertThrows(BadInputException.class, () -> StorageKey.of("a".repeat(length)));
        assertTrue(e.getMessage().contains("at most " + StorageKey.MAX_LENGTH), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "chunks/", "chunks/0", "a/b/c", ".", "..", "a/..b"})
    void acceptsListingPrefixesEvenWithATrailingSlash(String prefix) {
        assertEquals(prefix, StorageKey.checkPrefix(prefix));
    }

    @ParameterizedTest
    @ValueSource(strings = {"chunks/*", "a b", "ä", "../", "a/../b", "/a", "a//b", "./"})
    void rejectsListingPrefixesWithUnsafeCharacters(String prefix) {
        assertThrows(BadInputException.class, () -> StorageKey.checkPrefix(prefix));
    }

    @Property
    void everyKeyBuiltFromSafeSegmentsIsAccepted(@ForAll("safeKeys") String value) {
        assertEquals(value, StorageKey.of(value).value());
    }

    @Property
    void aKeyIsAcceptedExactlyWhenItHasNoBadSegmentOrCharacter(@ForAll("anyKeys") String value) {
        boolean expected = !value.isEmpty() && value.length() <= StorageKey.MAX_LENGTH
                && value.chars().allMatch(c -> "abcXYZ019._-/".indexOf(c) >= 0)
                && java.util.Arrays.stream(value.split("/", -1)).noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
        assertEquals(expected, StorageKey.isValid(value), value);
    }

    @Provide
    Arbitrary<String> safeKeys() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.equals(".") && !s.equals(".."));
        return segment.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("/", l));
    }

    @Provide
    Arbitrary<String> anyKeys() {
        return Arbitraries.strings().withChars("abcXYZ019._-/ +~").ofMaxLength(20);
    }
}
