package io.twinsync.transform.mapping;

import java.util.Locale;
import java.util.Optional;

/** What a NULL source value means for a twin property ({@code nulls:} in the mapping). */
public enum NullHandling {
    /** The property is left out of the twin document, so ADT keeps the value it has (the default). */
    KEEP,
    /** The property name goes into the twin file's {@code removals}, so the writer removes it from the twin. */
    REMOVE;

    /** The mapping spelling: {@code keep} or {@code remove}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<NullHandling> parse(String text) {
        for (NullHandling value : values()) {
            if (value.text().equals(text.trim())) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
