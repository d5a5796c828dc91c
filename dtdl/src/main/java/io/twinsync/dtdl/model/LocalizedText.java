package io.twinsync.dtdl.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A localizable string such as {@code displayName}: text by language tag. A plain string in a model is English
 * ({@code en}), the default language of DTDL documents.
 */
public record LocalizedText(Map<String, String> byLanguage) {

    public static final LocalizedText NONE = new LocalizedText(Map.of());

    public LocalizedText {
        byLanguage = Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }

    /** The English text, or else the first one given. */
    public Optional<String> preferred() {
        String english = byLanguage.get("en");
        if (english != null) {
            return Optional.of(english);
        }
        return byLanguage.values().stream().findFirst();
    }
}
