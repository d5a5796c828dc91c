package io.twinsync.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One model document to read: a JSON object (one interface) or a JSON array of interfaces, as text or already parsed.
 * Use {@link #ofText} or {@link #ofJson}.
 *
 * @param name where it came from, for messages (a file path, or {@code models[3]} of a request)
 * @param text the JSON text, or null when {@code json} is given
 * @param json the parsed document, or null when {@code text} is given
 */
public record DtdlSource(String name, String text, JsonNode json) {

    public DtdlSource {
        Objects.requireNonNull(name, "name");
        if ((text == null) == (json == null)) {
            throw new IllegalArgumentException("give either the text or the parsed JSON of " + name);
        }
    }

    /** A document as text; a leading UTF-8 byte order mark is ignored. */
    public static DtdlSource ofText(String name, String text) {
        return new DtdlSource(name, Objects.requireNonNull(text, "text"), null);
    }

    /** A document already parsed, such as one element of a {@code POST /models} body. */
    public static DtdlSource ofJson(String name, JsonNode json) {
        return new DtdlSource(name, null, Objects.requireNonNull(json, "json"));
    }
}
