package io.twinsync.writer.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the writer did to a twin or relationship. */
public enum ItemAction {
    CREATED,
    PATCHED,
    UNCHANGED,
    DELETED,
    FAILED,
    /** Not applied on purpose, with the reason in the result's code and message (a replay's older file). */
    SKIPPED;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
