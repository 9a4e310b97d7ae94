package dev.attic.examples.client;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A retention period as the user types it ({@code 30d}, {@code 1w2d}, {@code 12h}, {@code global}) and shows it. */
final class RetentionPeriod {
    private static final Pattern PART = Pattern.compile("(\\d{1,10})\\s*([smhdwy])");

    private RetentionPeriod() {}

    /** Empty for {@code global} (the server's default). */
    static Optional<Duration> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("global")) {
            return Optional.empty();
        }
        Matcher m = PART.matcher(t);
        long seconds = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            long unit = switch (m.group(2)) {
                case "s" -> 1;
                case "m" -> 60;
                case "h" -> 3600;
                case "d" -> 86_400;
                case "w" -> 7 * 86_400;
                default -> 365 * 86_400;
            };
            seconds += n * unit;
            end = m.end();
            if (seconds > 0xFFFF_FFFFL) {
                break;
            }
        }
        if (end == 0 || end != t.length() || seconds > 0xFFFF_FFFFL) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "'" + text
                    + "' is not a retention period: use a number with a unit (s, m, h, d, w, y), e.g. 30d or 1w2d, up to ~136 years, or 'global'");
        }
        return Optional.of(Duration.ofSeconds(seconds));
    }

    static String format(Duration period) {
        long s = period.getSeconds();
        if (s == 0) {
            return "0s (paths are collected as soon as garbage collection runs)";
        }
        StringBuilder out = new StringBuilder();
        long[] units = {86_400, 3600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (s >= units[i]) {
                out.append(s / units[i]).append(names[i]);
                s %= units[i];
            }
        }
        return out.toString();
    }
}
