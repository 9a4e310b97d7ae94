package dev.attic.examples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(5, Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void doublesWithJitterUpToTheCap() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            long expected = 1000L << (attempt - 1);
            long delay = backoff.delay(attempt, Optional.empty()).toMillis();
            assertTrue(delay >= expected * 0.8 && delay <= expected * 1.2, "attempt " + attempt + ": " + delay);
        }
        assertEquals(30_000, backoff.delay(30, Optional.empty()).toMillis());
    }

    @Test
    void waitsAtLeastWhatTheServerAsksUpToTheCap() {
        assertTrue(backoff.delay(1, Optional.of(Duration.ofSeconds(10))).toMillis() >= 10_000);
        assertEquals(30_000, backoff.delay(1, Optional.of(Duration.ofHours(1))).toMillis());
    }
}
