package io.twinsync.transform.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The parsed content of one model file: one interface object, or an array of them.
 *
 * @param name where it came from, for messages (such as {@code models/Site.json})
 */
public record ModelSource(String name, JsonNode content) {

    public ModelSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
