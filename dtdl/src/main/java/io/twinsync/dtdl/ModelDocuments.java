package io.twinsync.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares model documents by what they say, not how they are written. Azure Digital Twins only guarantees that a
 * model it returns is "semantically equivalent" to the one uploaded (Microsoft's docs, how-to-manage-model), so two
 * writings of one model must compare equal: key order, a single value against an array of one (JSON-LD), a key
 * written as its DTDL IRI ({@code dtmi:dtdl:property:schema;3}) against its term, a literal against its value
 * object ({@code {"@value": true}}), the order of a set ({@code contents}, {@code extends}, {@code @type}, ...), an
 * empty set against none, and {@code 0.50} against {@code 0.5} are not differences.
 */
public final class ModelDocuments {

    private static final Pattern PROPERTY_IRI = Pattern.compile("^dtmi:dtdl:property:([A-Za-z]+);[23]$");

    /** The DTDL properties whose values are sets: their order says nothing (JSON-LD). */
    private static final Set<String> SETS =
            Set.of("@type", "contents", "extends", "schemas", "enumValues", "fields", "properties");

    private ModelDocuments() {}

    /** True when the two documents say the same. */
    public static boolean sameModel(JsonNode a, JsonNode b) {
        return canonical(a).equals(canonical(b));
    }

    /**
     * Where two documents differ, as paths into their canonical form, in order: a member of a set of named elements
     * is named, not numbered ({@code /contents/flowCapacity/schema}, {@code /displayName/en}, {@code /extends/0});
     * empty when they say the same.
     */
    public static List<String> differences(JsonNode a, JsonNode b) {
        List<String> paths = new ArrayList<>();
        diff(canonical(a), canonical(b), "", paths);
        return paths;
    }

    /**
     * The document in canonical form: single-element arrays unwrapped, sets sorted, empty sets left out, IRI keys as
     * terms, value objects unwrapped, numbers as decimals without trailing zeros.
     */
    static JsonNode canonical(JsonNode node) {
        return canonical(node, false);
    }

    private static JsonNode canonical(JsonNode node, boolean set) {
        if (node == null) {
            return JsonNodeFactory.instance.missingNode();
        }
        if (node.isArray()) {
            if (node.size() == 1) {
                return canonical(node.get(0), false);
            }
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(canonical(item, false)));
            if (set) {
                items.sort(Comparator.comparing(JsonNode::toString));
            }
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            items.forEach(array::add);
            return array;
        }
        if (node.isObject()) {
            if (node.size() == 1 && node.has("@value")) {
                return canonical(node.get("@value"), false);
            }
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(entry -> {
                Matcher iri = PROPERTY_IRI.matcher(entry.getKey());
                String key = iri.matches() ? iri.group(1) : entry.getKey();
                JsonNode value = canonical(entry.getValue(), SETS.contains(key));
                if (!(value.isArray() && value.isEmpty())) {
                    object.set(key, value);
                }
            });
            return object;
        }
        if (node.isNumber()) {
            return JsonNodeFactory.instance.numberNode(node.decimalValue().stripTrailingZeros());
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
                String inner = path + "/" + escape(key);
                if (SETS.contains(key) && named(a.path(key)) && named(b.path(key))) {
                    diffByName(a.path(key), b.path(key), inner, paths);
                } else {
                    diff(a.path(key), b.path(key), inner, paths);
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(a.get(i), b.get(i), path + "/" + i, paths);
            }
        } else {
            paths.add(path.isEmpty() ? "/" : path);
        }
    }

    /** Members of a set of named elements (contents, fields, ...) are matched by name, and named in the path. */
    private static void diffByName(JsonNode a, JsonNode b, String path, List<String> paths) {
        Map<String, JsonNode> left = byName(a);
        Map<String, JsonNode> right = byName(b);
        TreeSet<String> names = new TreeSet<>(left.keySet());
        names.addAll(right.keySet());
        for (String name : names) {
            diff(
                    left.getOrDefault(name, JsonNodeFactory.instance.missingNode()),
                    right.getOrDefault(name, JsonNodeFactory.instance.missingNode()),
                    path + "/" + escape(name),
                    paths);
        }
    }

    /** A missing set, one element with a name, or several elements that all have distinct names. */
    private static boolean named(JsonNode set) {
        if (set.isMissingNode()) {
            return true;
        }
        List<JsonNode> items = new ArrayList<>();
        if (set.isArray()) {
            set.forEach(items::add);
        } else {
            items.add(set);
        }
        return items.stream().allMatch(item -> item.path("name").isTextual())
                && items.stream()
                                .map(item -> item.get("name").asText())
                                .distinct()
                                .count()
                        == items.size();
    }

    private static Map<String, JsonNode> byName(JsonNode set) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        if (set.isArray()) {
            set.forEach(item -> byName.put(item.get("name").asText(), item));
        } else if (!set.isMissingNode()) {
            byName.put(set.get("name").asText(), set);
        }
        return byName;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
