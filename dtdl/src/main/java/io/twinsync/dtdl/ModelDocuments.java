package io.twinsync.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares model documents by what they say, not how they are written. Azure Digital Twins only guarantees that a
 * model it returns is "semantically equivalent" to the one uploaded (Microsoft's docs, how-to-manage-model), so two
 * writings of one model must compare equal: key order, a single value against an array of one (JSON-LD), a key
 * written as its DTDL IRI ({@code dtmi:dtdl:property:schema;3}) against its term, and a literal against its value
 * object ({@code {"@value": true}}) are not differences.
 */
public final class ModelDocuments {

    private static final Pattern PROPERTY_IRI = Pattern.compile("^dtmi:dtdl:property:([A-Za-z]+);[23]$");

    private ModelDocuments() {}

    /** True when the two documents say the same. */
    public static boolean sameModel(JsonNode a, JsonNode b) {
        return canonical(a).equals(canonical(b));
    }

    /**
     * Where two documents differ, as JSON Pointer paths into their canonical form (such as {@code /contents/2/schema}
     * or {@code /displayName/en}), in order; empty when they say the same.
     */
    public static List<String> differences(JsonNode a, JsonNode b) {
        List<String> paths = new ArrayList<>();
        diff(canonical(a), canonical(b), "", paths);
        return paths;
    }

    /** The document in canonical form: single-element arrays unwrapped, IRI keys as terms, value objects unwrapped. */
    static JsonNode canonical(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.missingNode();
        }
        if (node.isArray()) {
            if (node.size() == 1) {
                return canonical(node.get(0));
            }
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> array.add(canonical(item)));
            return array;
        }
        if (node.isObject()) {
            if (node.size() == 1 && node.has("@value")) {
                return canonical(node.get("@value"));
            }
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(entry -> {
                Matcher iri = PROPERTY_IRI.matcher(entry.getKey());
                object.set(iri.matches() ? iri.group(1) : entry.getKey(), canonical(entry.getValue()));
            });
            return object;
        }
        return node;
    }

    private static void diff(JsonNode a, JsonNode b, String path, List<String> paths) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                diff(a.path(key), b.path(key), path + "/" + escape(key), paths);
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(a.get(i), b.get(i), path + "/" + i, paths);
            }
        } else {
            paths.add(path.isEmpty() ? "/" : path);
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
