package dev.attic.examples.server;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as upstream Attic writes them (Rust's {@code humantime}): one or more
 * {@code <number><unit>} terms, spaces optional, e.g. {@code "12 hours"}, {@code "6 months"},
 * {@code "30d"}, {@code "1h 30m"}. A month is 30.44 days and a year 365.25 days, as in humantime.
 */
public final class HumanDuration {
    private static final Pattern TERM = Pattern.compile("\\s*(\\d+)\\s*([a-zA-Z]+)\\s*");
    private static final long MONTH_SECONDS = 2_630_016; // 30.44 days
    private static final long YEAR_SECONDS = 31_557_600; // 365.25 days

    private HumanDuration() {}

    /** Parses {@code text}; {@code what} names the setting in the error message. */
    public static Duration parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw bad(text, what, "it is empty");
        }
        Matcher m = TERM.matcher(text);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw bad(text, what, "expected a number and a unit at \"" + text.substring(at).strip() + "\"");
            }
            long amount;
            try {
                amount = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw bad(text, what, m.group(1) + " is too large");
            }
            try {
                total = total.plus(unit(m.group(2), text, what).multipliedBy(amount));
            } catch (ArithmeticException e) {
                throw bad(text, what, "it is too long");
            }
            at = m.end();
        }
        return total;
    }

    /** The duration in the largest whole units, e.g. {@code "12h"}, {@code "183d"}, {@code "90s"}. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s == 0) {
            return d.toMillis() == 0 ? "0s" : d.toMillis() + "ms";
        }
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    private static Duration unit(String unit, String text, String what) {
        switch (unit) {
            case "ns": case "nsec": case "nanos": return Duration.ofNanos(1);
            case "us": case "usec": case "micros": return Duration.ofNanos(1000);
            case "ms": case "msec": case "millis": return Duration.ofMillis(1);
            case "s": case "sec": case "secs": case "second": case "seconds": return Duration.ofSeconds(1);
            case "m": case "min": case "mins": case "minute": case "minutes": return Duration.ofMinutes(1);
            case "h": case "hr": case "hrs": case "hour": case "hours": return Duration.ofHours(1);
            case "d": case "day": case "days": return Duration.ofDays(1);
            case "w": case "week": case "weeks": return Duration.ofDays(7);
            case "M": case "month": case "months": return Duration.ofSeconds(MONTH_SECONDS);
            case "y": case "year": case "years": return Duration.ofSeconds(YEAR_SECONDS);
            default:
                throw bad(text, what, "unknown unit \"" + unit + "\" (use s, m, h, d, w, months or y"
                        + (unit.toLowerCase(Locale.ROOT).startsWith("mo") ? "; months are written \"months\" or \"M\"" : "") + ")");
        }
    }

    private static BadInputException bad(String text, String what, String why) {
        return new BadInputException(ErrorCode.BAD_REQUEST, what + ": \"" + text + "\" is not a duration: " + why
                + " (e.g. \"12 hours\", \"30d\", \"6 months\")");
    }
}
