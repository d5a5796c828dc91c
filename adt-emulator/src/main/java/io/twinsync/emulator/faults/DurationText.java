package io.twinsync.emulator.faults;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written on the command line: {@code 500ms}, {@code 2s}, {@code 0}; ranges as {@code 20ms..50ms}. */
public final class DurationText {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)?");

    /** A range of durations, {@code from} at most {@code to}. */
    public record Range(Duration from, Duration to) {

        public Range {
            if (to.compareTo(from) < 0) {
                throw new IllegalArgumentException("The range " + from.toMillis() + "ms.." + to.toMillis()
                        + "ms ends before it starts; write the shorter duration first");
            }
        }

        /** How much longer the longest is than the shortest. */
        public Duration spread() {
            return to.minus(from);
        }
    }

    private DurationText() {}

    /** Parses {@code 500ms}, {@code 1.5s} or a bare number of milliseconds. */
    public static Duration parse(String text) {
        Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; write it like 500ms or 2s (a bare number means ms)");
        }
        double amount = Double.parseDouble(matcher.group(1));
        double millis = "s".equals(matcher.group(2)) ? amount * 1_000 : amount;
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    /** Parses {@code 20ms..50ms}, or a single duration as a range of one value. */
    public static Range parseRange(String text) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            Duration only = parse(text);
            return new Range(only, only);
        }
        return new Range(parse(text.substring(0, dots)), parse(text.substring(dots + 2)));
    }
}
