package dev.attic.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheNameTest {
    /** Upstream Attic's rule, as a regular expression: the hand-written check must agree with it. */
    private static final java.util.regex.Pattern UPSTREAM = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_+-]{0,49}");

    @net.jqwik.api.Property(tries = 3000)
    void handWrittenCheckAgreesWithUpstreamsPattern(
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.StringLength(max = 55)
            @net.jqwik.api.constraints.Chars({'a', 'Z', '0', '9', '-', '_', '+', '.', ' ', '/', '*', 'é'}) String name) {
        assertEquals(UPSTREAM.matcher(name).matches(), CacheName.isValid(name), "for \"" + name + '"');
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid-name", "Another_Valid_Name", "plan9", "username+cache", "a",
        "x2345678901234567890123456789012345678901234567890"})
    void acceptsUpstreamValidNames(String name) {
        assertEquals(name, CacheName.of(name).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a valid name", "team-*", "-ers", "_cache", "+x", "../etc", "a/b", "a.b",
        "caché", "a\nb", "x23456789012345678901234567890123456789012345678901"})
    void rejectsInvalidNamesWithInvalidCacheName(String name) {
        BadInputException e = assertThrows(BadInputException.class, () -> CacheName.of(name));
        assertEquals(ErrorCode.INVALID_CACHE_NAME, e.code());
        assertTrue(e.getMessage().contains("invalid cache name"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\u0000b"})
    void errorMessageEscapesControlCharacters(String name) {
        BadInputException e = assertThrows(BadInputException.class, () -> CacheName.of(name));
        assertTrue(e.getMessage().contains("\\x"), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(c -> c < 0x20), "no raw control characters in the message");
    }
}
