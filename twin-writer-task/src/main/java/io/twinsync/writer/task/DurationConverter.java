package io.twinsync.writer.task;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a duration as twinsync's settings write it, the way Spring Boot binds {@code twinsync.writer.*} durations:
 * a whole number and a unit ({@code 500ms}, {@code 60s}, {@code 10m}, {@code 1h}, {@code 1d}), or ISO-8601
 * ({@code PT10M}). A bare number is refused rather than guessed (Spring would read it as milliseconds).
 */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** @throws IllegalArgumentException saying how to write it */
    static Duration parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        Matcher simple = SIMPLE.matcher(value);
        if (!simple.matches()) {
            throw invalid(text);
        }
        long amount = Long.parseLong(simple.group(1));
        return switch (simple.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration; write a whole number and a unit, such"
                + " as 500ms, 60s, 10m or 1h");
    }
}
