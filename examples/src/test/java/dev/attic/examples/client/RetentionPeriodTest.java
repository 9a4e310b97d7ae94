package dev.attic.examples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attic.BadInputException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionPeriodTest {
    @Test
    void parsesUnitsAndSums() {
        assertEquals(Optional.of(Duration.ofDays(30)), RetentionPeriod.parse("30d"));
        assertEquals(Optional.of(Duration.ofDays(9)), RetentionPeriod.parse("1w2d"));
        assertEquals(Optional.of(Duration.ofHours(12).plusMinutes(30)), RetentionPeriod.parse("12h30m"));
        assertEquals(Optional.of(Duration.ofSeconds(0)), RetentionPeriod.parse("0s"));
        assertEquals(Optional.empty(), RetentionPeriod.parse("Global"));
    }

    @Test
    void rejectsWhatIsNotAPeriod() {
        for (String bad : new String[] {"", "30", "d", "30 days", "-1d", "1d2", "99999999999d", "200y"}) {
            assertThrows(BadInputException.class, () -> RetentionPeriod.parse(bad), "'" + bad + "'");
        }
    }

    @Test
    void formatsInTheLargestUnits() {
        assertEquals("9d", RetentionPeriod.format(Duration.ofDays(9)));
        assertEquals("1d1h1m1s", RetentionPeriod.format(Duration.ofSeconds(86_400 + 3600 + 61)));
    }
}
