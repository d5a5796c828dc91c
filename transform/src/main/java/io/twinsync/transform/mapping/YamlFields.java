package io.twinsync.transform.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of one YAML object that report problems instead of throwing, each naming the entity and the key path
 * (such as {@code entity 'equipment': twin.properties.status}).
 */
final class YamlFields {

    private final JsonNode node;
    private final String prefix;
    private final String path;
    private final MappingProblems problems;

    private YamlFields(JsonNode node, String prefix, String path, MappingProblems problems) {
        this.node = node;
        this.prefix = prefix;
        this.path = path;
        this.problems = problems;
    }

    /** The object at the root of an entity or of the file; {@code prefix} names it, such as "entity 'site': ". */
    static YamlFields root(JsonNode node, String prefix, String what, MappingProblems problems) {
        YamlFields fields = new YamlFields(node, prefix, "", problems);
        return fields.checkObject(what);
    }

    /** The same object, named by a new prefix (such as "entity 'site': ") and an empty key path. */
    YamlFields relabel(String newPrefix) {
        return new YamlFields(node, newPrefix, "", problems);
    }

    /** The object under a key, or null (having reported it) when it is absent but required or not an object. */
    YamlFields object(String key, boolean required) {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            if (required) {
                problems.add(at(key) + ": is required");
            }
            return null;
        }
        YamlFields fields = new YamlFields(child, prefix, join(key), problems);
        return child.isObject() ? fields : fields.checkObject("a mapping of keys");
    }

    /** The items of a list under a key, each as an object; empty when absent. */
    List<YamlFields> objects(String key, boolean required) {
        JsonNode child = node.get(key);
        List<YamlFields> items = new ArrayList<>();
        if (child == null || child.isNull()) {
            if (required) {
                problems.add(at(key) + ": is required");
            }
            return items;
        }
        if (!child.isArray()) {
            problems.add(at(key) + ": must be a list, found " + describe(child));
            return items;
        }
        for (int i = 0; i < child.size(); i++) {
            YamlFields item = new YamlFields(child.get(i), prefix, join(key) + "[" + i + "]", problems);
            if (child.get(i).isObject()) {
                items.add(item);
            } else {
                item.checkObject("a mapping of keys");
            }
        }
        return items;
    }

    /** A non-blank text value, or null (having reported it when required, or when it is not text). */
    String text(String key, boolean required) {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            if (required) {
                problems.add(at(key) + ": is required");
            }
            return null;
        }
        if (!child.isTextual() || child.asText().isBlank()) {
            problems.add(at(key) + ": must be non-blank text, found " + describe(child));
            return null;
        }
        return child.asText();
    }

    /** A number, or null when absent or not a number (having reported the latter). */
    Double number(String key) {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            return null;
        }
        if (!child.isNumber()) {
            problems.add(at(key) + ": must be a number, found " + describe(child));
            return null;
        }
        return child.doubleValue();
    }

    /** A scalar value (text, number or boolean), or null (having reported it when it is absent or not a scalar). */
    JsonNode scalar(String key) {
        JsonNode child = node.get(key);
        if (child == null || child.isNull() || !child.isValueNode()) {
            problems.add(at(key) + ": must be a text, number or boolean, found " + describe(child));
            return null;
        }
        return child;
    }

    /** A boolean value, or {@code otherwise} when absent (having reported it when it is not a boolean). */
    boolean bool(String key, boolean otherwise) {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            return otherwise;
        }
        if (!child.isBoolean()) {
            problems.add(at(key) + ": must be true or false, found " + describe(child));
            return otherwise;
        }
        return child.booleanValue();
    }

    /** Any text value, empty included, or null when absent (having reported it when it is not text). */
    String anyText(String key) {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            return null;
        }
        if (!child.isTextual()) {
            problems.add(at(key) + ": must be text, found " + describe(child));
            return null;
        }
        return child.asText();
    }

    /** A list of non-blank texts (a single text counts as a list of one); empty when absent or wrong. */
    List<String> texts(String key, boolean required) {
        JsonNode child = node.get(key);
        List<String> texts = new ArrayList<>();
        if (child == null || child.isNull()) {
            if (required) {
                problems.add(at(key) + ": is required");
            }
            return texts;
        }
        if (child.isTextual() && !child.asText().isBlank()) {
            texts.add(child.asText());
            return texts;
        }
        if (!child.isArray() || child.isEmpty()) {
            problems.add(at(key) + ": must be a non-empty list of text, found " + describe(child));
            return texts;
        }
        for (int i = 0; i < child.size(); i++) {
            JsonNode item = child.get(i);
            if (item.isTextual() && !item.asText().isBlank()) {
                texts.add(item.asText());
            } else {
                problems.add(at(key) + "[" + i + "]: must be non-blank text, found " + describe(item));
            }
        }
        return texts;
    }

    /** The keys of this object, in file order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** True when the key is given (with any value but null). */
    boolean isPresent(String key) {
        JsonNode child = node.get(key);
        return child != null && !child.isNull();
    }

    /** True when the value under a key is a mapping of keys (the long form of an entry). */
    boolean isObject(String key) {
        JsonNode child = node.get(key);
        return child != null && child.isObject();
    }

    /**
     * A list of scalar values (text, number or boolean; a single scalar counts as a list of one) as their text, such
     * as {@code [true, 1, 'Y']} giving {@code true}, {@code 1} and {@code Y}; empty when absent or wrong.
     */
    List<String> scalars(String key) {
        JsonNode child = node.get(key);
        List<String> texts = new ArrayList<>();
        if (child == null || child.isNull()) {
            return texts;
        }
        List<JsonNode> items = new ArrayList<>();
        if (child.isArray()) {
            child.forEach(items::add);
        } else {
            items.add(child);
        }
        if (items.isEmpty()) {
            problems.add(at(key) + ": must list at least one value");
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (item.isValueNode() && !item.isNull() && !item.asText().isBlank()) {
                texts.add(item.asText().trim());
            } else {
                problems.add(at(key) + (child.isArray() ? "[" + i + "]" : "")
                        + ": must be a non-blank text, number or boolean, found " + describe(item));
            }
        }
        return texts;
    }

    /** Reports every key not in {@code known}, so that a misspelt key fails instead of being ignored. */
    void allowOnly(Set<String> known) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (!known.contains(name)) {
                problems.add(at(name) + ": unknown key; the keys allowed here are "
                        + known.stream().sorted().toList());
            }
        }
    }

    /** The key path of a key of this object, with the entity prefix, for messages. */
    String at(String key) {
        return prefix + join(key);
    }

    /** This object's own path, for messages. */
    String here() {
        return prefix + (path.isEmpty() ? "(top level)" : path);
    }

    private String join(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private YamlFields checkObject(String what) {
        if (node == null || !node.isObject()) {
            problems.add(here() + ": must be " + what + ", found " + describe(node));
            return new YamlFields(JsonNodeFactory.instance.objectNode(), prefix, path, problems);
        }
        return this;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isContainerNode()) {
            return node.isArray() ? "a list" : "a mapping of keys";
        }
        return node.getNodeType().toString().toLowerCase(Locale.ROOT) + " " + node;
    }
}
