package io.twinsync.transform.twin;

/**
 * One thing wrong with a row; a row with any problem becomes rejects instead of a twin file.
 *
 * @param field the property, column or id at fault, such as {@code status} or {@code $dtId}
 * @param value the offending value as text, or null
 * @param reason what was wrong and what to do
 */
record RowProblem(RejectCode code, String field, String value, String reason) {

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
