package io.twinsync.writer.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a result line is about. */
public enum ItemKind {
    TWIN,
    RELATIONSHIP;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
