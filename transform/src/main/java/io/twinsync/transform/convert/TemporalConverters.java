package io.twinsync.transform.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.twinsync.staging.rows.ValueType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * DTDL {@code date}, {@code dateTime}, {@code time} and {@code duration}, written as ISO-8601 / RFC 3339 text.
 * A timestamp without a zone (SQL DATETIME2, TIMESTAMP) is taken to be UTC; every dateTime is written in UTC with
 * {@code Z}, so the same instant always gives the same text.
 */
final class TemporalConverters {

    static final ValueConverter DATE = new Temporal("date", Set.of(ValueType.DATE, ValueType.TIMESTAMP)) {
        @Override
        String text(Object value) {
            LocalDate date;
            if (value instanceof LocalDate d) {
                date = d;
            } else if (value instanceof LocalDateTime t) {
                if (!t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                    throw new UnconvertibleValueException(ValueText.of(value) + " has a time of day; a date property"
                            + " takes a date only (map a dateTime property, or CAST it to DATE in the query)");
                }
                date = t.toLocalDate();
            } else {
                date = parse(() -> LocalDate.parse(((String) value).strip()), value, "a date such as 2024-03-31");
            }
            return DateTimeFormatter.ISO_LOCAL_DATE.format(checkYear(date.getYear(), value, date));
        }
    };

    static final ValueConverter DATE_TIME =
            new Temporal("dateTime", Set.of(ValueType.TIMESTAMP, ValueType.TIMESTAMP_TZ)) {
                @Override
                String text(Object value) {
                    Instant instant;
                    if (value instanceof LocalDateTime t) {
                        instant = t.toInstant(ZoneOffset.UTC);
                    } else if (value instanceof OffsetDateTime t) {
                        instant = t.toInstant();
                    } else {
                        instant = parse(
                                () -> parseDateTime(((String) value).strip()),
                                value,
                                "a date and time such as 2024-03-31T14:30:00Z");
                    }
                    checkYear(instant.atOffset(ZoneOffset.UTC).getYear(), value, instant);
                    return DateTimeFormatter.ISO_INSTANT.format(instant);
                }
            };

    static final ValueConverter TIME = new Temporal("time", Set.of(ValueType.TIME)) {
        @Override
        String text(Object value) {
            LocalTime time = value instanceof LocalTime t
                    ? t
                    : parse(() -> LocalTime.parse(((String) value).strip()), value, "a time such as 14:30:00");
            return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
        }
    };

    /** ISO-8601 durations: PnYnMnWnDTnHnMnS, each part optional but at least one, only the last may have a fraction. */
    private static final Pattern DURATION = Pattern.compile(
            "-?P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+(\\.\\d+)?D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?");

    static final ValueConverter DURATION_TEXT = new Temporal("duration", Set.of()) {
        @Override
        String text(Object value) {
            String text = ((String) value).strip();
            if (!DURATION.matcher(text).matches()) {
                throw new UnconvertibleValueException(
                        "'" + value + "' is not an ISO-8601 duration such as PT15M or P1DT12H");
            }
            return text;
        }
    };

    private TemporalConverters() {}

    private static Instant parseDateTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    private static <T> T parse(Supplier<T> parser, Object value, String expected) {
        try {
            return parser.get();
        } catch (DateTimeParseException e) {
            throw new UnconvertibleValueException("'" + value + "' is not " + expected + " (ISO-8601)");
        }
    }

    /** RFC 3339 has four-digit years; Java would write year 10000 as +10000, which ADT would not take. */
    private static <T> T checkYear(int year, Object value, T result) {
        if (year < 0 || year > 9999) {
            throw new UnconvertibleValueException(ValueText.of(value) + " is outside the years 0000 to 9999");
        }
        return result;
    }

    /** A temporal converter: accepts its own staged types and text. */
    private abstract static class Temporal implements ValueConverter {

        private final String target;
        private final Set<ValueType> types;

        Temporal(String target, Set<ValueType> types) {
            this.target = target;
            this.types = types;
        }

        @Override
        public String target() {
            return target;
        }

        @Override
        public boolean accepts(ValueType type) {
            return type == ValueType.STRING || types.contains(type);
        }

        @Override
        public JsonNode convert(Object value) {
            return TextNode.valueOf(text(value));
        }

        abstract String text(Object value);
    }
}
