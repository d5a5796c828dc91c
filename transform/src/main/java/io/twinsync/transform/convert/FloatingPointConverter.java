package io.twinsync.transform.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import io.twinsync.staging.rows.ValueType;
import java.math.BigDecimal;

/**
 * DTDL {@code double} and {@code float}. The number is written exactly as the source has it (as a decimal, without
 * trailing zeros), not through a binary double, so {@code 0.10} stays {@code 0.1} and never becomes
 * {@code 0.1000000000000000055}. A number too far from zero, too close to zero (it would become 0) or with more
 * decimal places than any value of the type has (text such as {@code 1e-999999999}) is an error.
 */
final class FloatingPointConverter implements ValueConverter {

    static final FloatingPointConverter DOUBLE =
            new FloatingPointConverter("double", new BigDecimal(Double.MAX_VALUE), new BigDecimal(Double.MIN_VALUE));
    static final FloatingPointConverter FLOAT =
            new FloatingPointConverter("float", new BigDecimal(Float.MAX_VALUE), new BigDecimal(Float.MIN_VALUE));

    private final String target;
    private final BigDecimal max;
    private final BigDecimal min;

    /**
     * @param max the largest magnitude of the type
     * @param min the smallest non-zero magnitude, exactly; its scale is the most decimal places any value has
     */
    private FloatingPointConverter(String target, BigDecimal max, BigDecimal min) {
        this.target = target;
        this.max = max;
        this.min = min;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public boolean accepts(ValueType type) {
        return type == ValueType.INTEGER
                || type == ValueType.DECIMAL
                || type == ValueType.DOUBLE
                || type == ValueType.STRING;
    }

    @Override
    public JsonNode convert(Object value) {
        BigDecimal decimal;
        if (value instanceof Long l) {
            decimal = BigDecimal.valueOf(l);
        } else if (value instanceof BigDecimal d) {
            decimal = d;
        } else if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new UnconvertibleValueException(
                        d + " is not a finite number; " + target + " takes finite" + " numbers only");
            }
            decimal = BigDecimal.valueOf(d);
        } else {
            decimal = NumberText.parse((String) value, target);
        }
        if (decimal.abs().compareTo(max) > 0) {
            throw new UnconvertibleValueException(ValueText.of(value) + " is outside the range of " + target);
        }
        if (decimal.signum() != 0 && decimal.abs().compareTo(min) < 0) {
            throw new UnconvertibleValueException(
                    ValueText.of(value) + " is too close to zero for " + target + " (it would become 0)");
        }
        BigDecimal plain = plain(decimal);
        if (plain.scale() > min.scale()) {
            throw new UnconvertibleValueException(ValueText.of(value) + " has " + plain.scale() + " decimal places; no "
                    + target + " has more than " + min.scale());
        }
        return DecimalNode.valueOf(plain);
    }

    /** The same value without trailing zeros, and never with a negative scale (100, not 1E+2). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
