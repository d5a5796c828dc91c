package io.twinsync.transform.twin;

import io.twinsync.staging.rows.StagedRow;
import io.twinsync.transform.convert.ValueText;
import io.twinsync.transform.mapping.DeletionFlag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A deletion flag bound to its staged column: tells whether a row marks its twin deleted. A value matches one of
 * the flag's values when their texts are equal ignoring case and surrounding spaces, or when both are numbers of
 * equal value; NULL never matches.
 */
final class DeletionCheck {

    private final int index;
    private final List<String> when;

    DeletionCheck(DeletionFlag flag, int index) {
        this.index = index;
        this.when =
                flag.when().stream().map(w -> w.trim().toLowerCase(Locale.ROOT)).toList();
    }

    boolean deleted(StagedRow row) {
        Object value = row.get(index);
        if (value == null) {
            return false;
        }
        String text = ValueText.of(value).trim().toLowerCase(Locale.ROOT);
        BigDecimal number = number(text);
        for (String w : when) {
            if (w.equals(text)) {
                return true;
            }
            BigDecimal other = number == null ? null : number(w);
            if (other != null && other.compareTo(number) == 0) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal number(String text) {
        if (text.isEmpty() || !(Character.isDigit(text.charAt(0)) || text.charAt(0) == '-' || text.charAt(0) == '+')) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
