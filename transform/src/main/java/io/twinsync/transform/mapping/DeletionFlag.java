package io.twinsync.transform.mapping;

import java.util.List;
import java.util.Objects;

/**
 * A column that marks source rows as deleted ({@code deleted:} in the mapping): such a row becomes a tombstone, so
 * the writer deletes the twin and its relationships.
 *
 * @param column the staged column, matched ignoring case
 * @param when the values meaning "deleted", as text; a row's value matches one when its text is equal ignoring case
 *     and surrounding spaces, or when both are numbers of equal value ({@code 1.00} matches {@code 1}). NULL never
 *     matches.
 */
public record DeletionFlag(String column, List<String> when) {

    /** The values used when the mapping gives no {@code when}. */
    public static final List<String> DEFAULT_WHEN = List.of("true");

    public DeletionFlag {
        Objects.requireNonNull(column, "column");
        when = List.copyOf(when);
        if (when.isEmpty()) {
            throw new IllegalArgumentException("A deletion flag needs at least one value");
        }
    }
}
