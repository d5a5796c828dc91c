package io.twinsync.writer.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Bodies for PUT requests: the document as the source wants it, without what ADT sets or rejects. */
final class Documents {

    private Documents() {}

    /** A copy without {@code $etag} (ADT sets it) and without null properties (ADT has no nulls). */
    static ObjectNode forPut(ObjectNode desired) {
        ObjectNode body = desired.deepCopy();
        body.remove("$etag");
        List<String> nulls = new ArrayList<>();
        body.properties().forEach(field -> {
            if (field.getValue().isNull()) {
                nulls.add(field.getKey());
            }
        });
        body.remove(nulls);
        return body;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
