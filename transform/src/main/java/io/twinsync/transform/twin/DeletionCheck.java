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
    private final DeletionCheck orElse;

    DeletionCheck(DeletionFlag flag, int index) {
        this(
                index,
                flag.when().stream().map(w -> w.trim().toLowerCase(Locale.ROOT)).toList(),
                null);
    }

    private DeletionCheck(int index, List<String> when, DeletionCheck orElse) {
        this.index = index;
        this.when = when;
        this.orElse = orElse;
    }

    /** A check that a row is deleted when this one or {@code other} says so (a soft-delete flag and change tracking). */
    DeletionCheck or(DeletionCheck other) {
        return new DeletionCheck(index, when, orElse == null ? other : orElse.or(other));
    }

    boolean deleted(StagedRow row) {
        return flagged(row) || orElse != null && orElse.deleted(row);
    }

    private boolean flagged(StagedRow row) {
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
