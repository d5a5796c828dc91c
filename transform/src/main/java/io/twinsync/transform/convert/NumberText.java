package io.twinsync.transform.convert;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Parses numbers written as plain text the one way JSON and SQL write them: {@code -12.5}, {@code 1e3}. */
final class NumberText {

    // ASCII digits, '.' as the only separator: "1,5" or "1 000" are not numbers here, whatever the locale.
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,9})?");

    private NumberText() {}

    static BigDecimal parse(String text, String target) {
        String trimmed = text.strip();
        if (!NUMBER.matcher(trimmed).matches()) {
            throw new UnconvertibleValueException(
                    "'" + text + "' is not a number (write digits with '.' as decimal point, no grouping)");
        }
        try {
            return new BigDecimal(trimmed);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UnconvertibleValueException("'" + text + "' is out of range for " + target);
        }
    }
}
