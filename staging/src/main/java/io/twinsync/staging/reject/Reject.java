package io.twinsync.staging.reject;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One row or file set aside.
 *
 * @param stage the stage that set it aside ({@code extract}, {@code transform}, {@code write})
 * @param entity the mapping entity
 * @param rowNumber the row's position in its staged file (1-based), or 0 when not row-based
 * @param rowKey the source key columns and values
 * @param field the column or property at fault, when one is
 * @param value the offending value as text (cut to 200 characters), when there is one
 * @param code a stable reason code such as {@code INVALID_TWIN_ID} or {@code UNCONVERTIBLE_VALUE}
 * @param reason what was wrong and what to do, in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reject(
        String stage,
        String entity,
        long rowNumber,
        Map<String, Object> rowKey,
        String field,
        String value,
        String code,
        String reason) {

    private static final int MAX_VALUE = 200;

    public Reject {
        if (value != null && value.length() > MAX_VALUE) {
            value = value.substring(0, MAX_VALUE) + "...(" + value.length() + " chars)";
        }
    }
}
