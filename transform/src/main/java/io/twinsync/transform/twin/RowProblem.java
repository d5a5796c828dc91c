package io.twinsync.transform.twin;

/**
 * One thing wrong with a row; a row with any problem becomes rejects instead of a twin file.
 *
 * @param field the property, column or id at fault, such as {@code status} or {@code $dtId}
 * @param value the offending value as text, or null
 * @param reason what was wrong and what to do
 */
record RowProblem(RejectCode code, String field, String value, String reason) {

    /** Longer values are cut where a reason quotes them; the reject's own {@code value} keeps 200 characters. */
    static final int MAX_QUOTED = 80;

    /**
     * A reason quotes the offending value (an id of 1,000 characters, a 5 KB string); it is shortened there, so a
     * reject line stays readable. The full value is the source row's, which the row key finds.
     */
    RowProblem {
        if (value != null && value.length() > MAX_QUOTED && reason != null && reason.contains(value)) {
            int cut = Character.isHighSurrogate(value.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
            reason = reason.replace(value, value.substring(0, cut) + "...(" + value.length() + " characters)");
        }
    }

    /** An earlier row, of {@code firstEntity} with key {@code firstKey}, already produced {@code twinId}. */
    static RowProblem duplicateTwinId(String twinId, String firstEntity, Object firstKey, String rowKey) {
        return new RowProblem(
                RejectCode.DUPLICATE_TWIN_ID,
                "$dtId",
                twinId,
                "Twin id " + twinId + " was already produced by entity " + firstEntity + " row key " + firstKey
                        + "; this row (key " + rowKey + ") is set aside and the first is kept."
                        + " Make the id template unique, or remove the duplicate in the source");
    }

    /** An expression failed for this row; {@code source} names it, such as {@code Expression "#A * 2"}. */
    static RowProblem expressionFailed(String field, String source, String message) {
        return new RowProblem(
                RejectCode.EXPRESSION_FAILED,
                field,
                null,
                source + " for property " + field + " failed: " + message
                        + "; fix the source value, or guard the expression (such as #A == null ? null : #A * 2)");
    }
}
