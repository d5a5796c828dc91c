package io.twinsync.writer.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the writer did to a twin or relationship. */
public enum ItemAction {
    CREATED,
    PATCHED,
    UNCHANGED,
    DELETED,
    FAILED;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
