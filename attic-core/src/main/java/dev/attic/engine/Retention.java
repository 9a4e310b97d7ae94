package dev.attic.engine;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a cache keeps a store path that nobody fetches: the server's default
 * ({@code [garbage-collection] default-retention-period}), or a period of its own, where zero keeps
 * paths forever. As upstream Attic's {@code retention_period}: {@code Global} or {@code Period}.
 */
public record Retention(Optional<Duration> period) {
    public Retention {
        Objects.requireNonNull(period, "period");
        period.ifPresent(p -> {
            if (p.isNegative()) {
                throw new BadInputException(ErrorCode.BAD_REQUEST, "a retention period cannot be negative: " + p);
            }
        });
    }

    /** Follow the server's default retention period. */
    public static Retention global() {
        return new Retention(Optional.empty());
    }

    /** Keep paths for this long after their last access; zero keeps them forever. */
    public static Retention period(Duration period) {
        return new Retention(Optional.of(period));
    }

    /** True when the cache follows the server's default. */
    public boolean isGlobal() {
        return period.isEmpty();
    }
}
