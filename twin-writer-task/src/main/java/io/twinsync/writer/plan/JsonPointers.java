package io.twinsync.writer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** JSON Pointers (RFC 6901) to values in a twin: {@code /nameplate/serialNumber}, {@code /a~1b} for key "a/b". */
final class JsonPointers {

    private JsonPointers() {}

    /** The pointer to the value at these keys, each escaped ({@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
    static String of(List<String> segments) {
        StringBuilder pointer = new StringBuilder();
        for (String segment : segments) {
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /**
     * The unescaped keys of a removal from a twin file. A removal without a leading {@code /} is a top-level property
     * name, as twin files written before removals were pointers hold.
     */
    static List<String> segments(String removal) {
        if (!removal.startsWith("/")) {
            return List.of(removal);
        }
        List<String> segments = new ArrayList<>();
        for (String raw : removal.substring(1).split("/", -1)) {
            segments.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }

    /** The value at the keys, or null when any object on the way lacks the key. */
    static JsonNode find(JsonNode document, List<String> segments) {
        JsonNode current = document;
        for (String segment : segments) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(segment);
        }
        return current;
    }
}
