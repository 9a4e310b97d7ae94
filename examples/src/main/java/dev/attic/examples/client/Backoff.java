package dev.attic.examples.client;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a transient failure again: {@code base * 2^(attempt-1)} with ±20% jitter, capped at
 * {@code max}; a server's {@code Retry-After} is honoured up to {@code max}.
 */
record Backoff(int maxAttempts, Duration base, Duration max) {
    Backoff {
        if (maxAttempts < 1) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (base.isNegative() || max.compareTo(base) < 0) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "need 0 <= base <= max, got " + base + " and " + max);
        }
    }

    /** The delay before attempt {@code attempt + 1}, after attempt {@code attempt} failed. */
    Duration delay(int attempt, Optional<Duration> retryAfter) {
        long exponential = base.toMillis() << Math.min(attempt - 1, 20);
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        long millis = Math.min(max.toMillis(), (long) (exponential * jitter));
        long asked = retryAfter.map(Duration::toMillis).orElse(0L);
        return Duration.ofMillis(Math.min(max.toMillis(), Math.max(millis, asked)));
    }
}
