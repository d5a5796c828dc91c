package io.twinsync.transform.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.transform.mapping.PropertyPath;
import java.util.List;

/** Puts a value at a property path of a twin document, making the objects on the way (components, objects, maps). */
final class DocumentPaths {

    private DocumentPaths() {}

    static void set(ObjectNode document, PropertyPath path, JsonNode value) {
        List<String> segments = path.segments();
        ObjectNode parent = document;
        for (String segment : segments.subList(0, segments.size() - 1)) {
            JsonNode child = parent.get(segment);
            // the loader refuses overlapping paths, so anything on the way is an object this method made
            parent = child instanceof ObjectNode object ? object : parent.putObject(segment);
        }
        parent.set(segments.get(segments.size() - 1), value);
    }
}
