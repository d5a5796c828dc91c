package io.twinsync.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.dtdl.model.PrimitiveSchema;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Whether a JSON value is a valid instance of a DTDL primitive schema. */
final class PrimitiveValues {

    /** ISO 8601 durations as DTDL uses them: weeks only on their own ({@code P2W}), never mixed ({@code P1W2D}). */
    private static final Pattern DURATION =
            Pattern.compile("P(?:\\d+W|(?!$)(\\d+Y)?(\\d+M)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?)");
    /**
     * RFC 3339 shapes, checked before the JDK parses the ranges: the JDK's ISO formats also take times without
     * seconds ({@code 10:15}), which RFC 3339 does not allow. A dateTime needs an offset; a time may have one.
     */
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})?");

    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private PrimitiveValues() {}

    static boolean accepts(PrimitiveSchema type, JsonNode value) {
        return switch (type) {
            case BOOLEAN -> value.isBoolean();
            case INTEGER -> value.isIntegralNumber() && value.canConvertToInt();
            case LONG -> value.isIntegralNumber() && value.canConvertToLong();
            case DOUBLE, FLOAT -> value.isNumber();
            case STRING -> value.isTextual();
            case DATE ->
                shaped(value, DATE) && parses(value, text -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
            case DATE_TIME ->
                shaped(value, DATE_TIME)
                        && parses(value, text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            case TIME -> shaped(value, TIME) && parses(value, PrimitiveValues::parseTime);
            case DURATION ->
                value.isTextual() && DURATION.matcher(value.asText()).matches();
            case POINT, MULTI_POINT, LINE_STRING, MULTI_LINE_STRING, POLYGON, MULTI_POLYGON -> value.isObject();
        };
    }

    private static boolean shaped(JsonNode value, Pattern shape) {
        return value.isTextual() && shape.matcher(value.asText()).matches();
    }

    private static Object parseTime(String text) {
        try {
            return LocalTime.parse(text, DateTimeFormatter.ISO_LOCAL_TIME);
        } catch (DateTimeParseException e) {
            return OffsetTime.parse(text, DateTimeFormatter.ISO_OFFSET_TIME);
        }
    }

    private static boolean parses(JsonNode value, java.util.function.Function<String, Object> parser) {
        if (!value.isTextual()) {
            return false;
        }
        try {
            parser.apply(value.asText());
            return true;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return false;
        }
    }
}
