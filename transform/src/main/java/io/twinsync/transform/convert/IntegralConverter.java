package io.twinsync.transform.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.twinsync.staging.rows.ValueType;
import java.math.BigDecimal;

/** DTDL {@code integer} (4 bytes) and {@code long} (8 bytes): whole numbers only; a fraction is an error, never rounded. */
final class IntegralConverter implements ValueConverter {

    static final IntegralConverter INTEGER = new IntegralConverter("integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
    static final IntegralConverter LONG = new IntegralConverter("long", Long.MIN_VALUE, Long.MAX_VALUE);

    private final String target;
    private final long min;
    private final long max;

    private IntegralConverter(String target, long min, long max) {
        this.target = target;
        this.min = min;
        this.max = max;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public boolean accepts(ValueType type) {
        return type == ValueType.INTEGER || type == ValueType.DECIMAL || type == ValueType.STRING;
    }

    @Override
    public JsonNode convert(Object value) {
        if (value instanceof Long l) {
            return inRange(l);
        }
        BigDecimal decimal = value instanceof BigDecimal d ? d : NumberText.parse((String) value, target);
        if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
            throw new UnconvertibleValueException(
                    ValueText.of(value) + " has a fractional part; " + target + " takes whole numbers only");
        }
        long whole;
        try {
            whole = decimal.longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange(value);
        }
        return inRange(whole);
    }

    private JsonNode inRange(long value) {
        if (value < min || value > max) {
            throw outOfRange(value);
        }
        return JsonNodeFactory.instance.numberNode(value);
    }

    private UnconvertibleValueException outOfRange(Object value) {
        return new UnconvertibleValueException(
                ValueText.of(value) + " is outside the range of " + target + " (" + min + " to " + max + ")");
    }
}
