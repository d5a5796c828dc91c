package io.twinsync.transform.twin;

/**
 * One thing wrong with a row; a row with any problem becomes rejects instead of a twin file.
 *
 * @param field the property, column or id at fault, such as {@code status} or {@code $dtId}
 * @param value the offending value as text, or null
 * @param reason what was wrong and what to do
 */
record RowProblem(RejectCode code, String field, String value, String reason) {}
