package dev.attic.examples.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.BadInputException;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class HumanDurationTest {

    @Test
    void readsUpstreamsExamples() {
        assertEquals(Duration.ofHours(12), HumanDuration.parse("12 hours", "x"));
        assertEquals(Duration.ofDays(30), HumanDuration.parse("30d", "x"));
        assertEquals(Duration.ofSeconds(6 * 2_630_016L), HumanDuration.parse("6 months", "x"));
        assertEquals(Duration.ofSeconds(31_557_600L), HumanDuration.parse("1y", "x"));
        assertEquals(Duration.ofMinutes(90), HumanDuration.parse("1h 30m", "x"));
        assertEquals(Duration.ofMinutes(90), HumanDuration.parse("1h30min", "x"));
        assertEquals(Duration.ofDays(14), HumanDuration.parse("2 weeks", "x"));
        assertEquals(Duration.ofMillis(250), HumanDuration.parse("250ms", "x"));
        assertEquals(Duration.ZERO, HumanDuration.parse("0s", "x"));
        assertEquals(Duration.ofSeconds(2_630_016L), HumanDuration.parse("1M", "x"), "M is a month, m a minute");
        assertEquals(Duration.ofMinutes(1), HumanDuration.parse("1m", "x"));
    }

    @Test
    void rejectsTextThatIsNotADurationNamingTheSetting() {
        for (String bad : new String[] {"", "  ", "12", "hours", "12 parsecs", "1h x", "-5s", "1.5h"}) {
            BadInputException e = assertThrows(BadInputException.class, () -> HumanDuration.parse(bad, "[garbage-collection] interval"),
                    "tried \"" + bad + "\"");
            assertTrue(e.getMessage().startsWith("[garbage-collection] interval: "), e.getMessage());
        }
    }

    @Test
    void rejectsADurationTooLongForJava() {
        assertThrows(BadInputException.class, () -> HumanDuration.parse("99999999999999999y", "x"));
    }

    @Property
    void formatThenParseGivesTheSameDuration(@ForAll @LongRange(min = 0, max = 100_000_000_000L) long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        assertEquals(d, HumanDuration.parse(HumanDuration.format(d), "x"));
    }
}
