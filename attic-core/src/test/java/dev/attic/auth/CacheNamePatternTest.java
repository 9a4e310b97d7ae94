package dev.attic.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.cache.CacheName;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CacheNamePatternTest {
    @Test
    void wildcardMatchesAnySuffixIncludingEmpty() {
        CacheNamePattern team = CacheNamePattern.of("team-*");
        assertTrue(team.matches(CacheName.of("team-")));
        assertTrue(team.matches(CacheName.of("team-abc")));
        assertFalse(team.matches(CacheName.of("abc-team")));
        assertFalse(team.matches(CacheName.of("team")));
    }

    @Test
    void patternWithoutWildcardMatchesOnlyItself() {
        CacheNamePattern exact = CacheNamePattern.of("no-wildcard");
        assertTrue(exact.isExact());
        assertTrue(exact.matches(CacheName.of("no-wildcard")));
        assertFalse(exact.matches(CacheName.of("no-wildcard-xxx")));
        assertFalse(exact.matches(CacheName.of("xxx-no-wildcard")));
    }

    @Test
    void starAloneMatchesEverything() {
        assertTrue(CacheNamePattern.of("*").matches(CacheName.of("literally-anything")));
    }

    @Test
    void rejectsPatternsBreakingNameRules() {
        for (String bad : new String[] {"", "*-but-normal-restrictions-still-apply!!!", "a?b", "-x*", "a/*"}) {
            BadInputException e = assertThrows(BadInputException.class, () -> CacheNamePattern.of(bad), bad);
            assertEquals(ErrorCode.INVALID_CACHE_NAME, e.code());
        }
    }

    /** The matcher agrees with a regular expression built from the pattern, on generated input. */
    @Property(tries = 3000)
    void agreesWithRegexTranslation(@ForAll("patterns") String pattern, @ForAll("names") String name) {
        Pattern regex = Pattern.compile(("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q"));
        assertEquals(regex.matcher(name).matches(), CacheNamePattern.of(pattern).matches(CacheName.of(name)),
                pattern + " vs " + name);
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars("ab-*").ofMinLength(1).ofMaxLength(8)
                .map(s -> s.charAt(0) == '-' ? "a" + s.substring(1) : s);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("ab-").ofMinLength(1).ofMaxLength(10)
                .map(s -> s.charAt(0) == '-' ? "b" + s.substring(1) : s);
    }
}
