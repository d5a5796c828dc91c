package io.twinsync.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads literal property values as JSON-LD allows them: a plain JSON value, or a value object
 * ({@code {"@value": true, "@type": "xsd:boolean"}}), and localizable strings as a string, a language map or an array
 * of strings and {@code {"@value", "@language"}} objects. Each method returns the value, or null after saying why
 * not to {@code problems}.
 */
final class Literals {

    /** A BCP 47 language tag (simplified: language, optional script, region and variants). */
    static final Pattern LANGUAGE_TAG =
            Pattern.compile("^[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
                    + "(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$");

    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    private Literals() {}

    /** The JSON types a literal may have, with the XML Schema datatype that names it in a value object. */
    enum Datatype {
        STRING("string"),
        BOOLEAN("boolean"),
        INTEGER("integer");

        private final String xsd;

        Datatype(String xsd) {
            this.xsd = xsd;
        }

        boolean accepts(JsonNode value) {
            return switch (this) {
                case STRING -> value.isTextual();
                case BOOLEAN -> value.isBoolean();
                case INTEGER -> value.isIntegralNumber();
            };
        }

        boolean named(String type) {
            return type.equals("xsd:" + xsd) || type.equals(XSD + xsd);
        }

        String describe() {
            return switch (this) {
                case STRING -> "a string";
                case BOOLEAN -> "true or false";
                case INTEGER -> "an integer";
            };
        }
    }

    /**
     * A literal of one of the given datatypes, unwrapping a value object; null (with a problem) when it is not one.
     */
    static JsonNode literal(
            JsonNode node, Set<Datatype> datatypes, Node.Location at, String property, Problems problems) {
        return literal(node, datatypes, false, at, property, problems);
    }

    /**
     * @param lenient true for DTDL v2, which tolerates other keywords in a value object
     *     ("Recommendation-Representational*OnlyValueAndTypeV2")
     */
    static JsonNode literal(
            JsonNode node,
            Set<Datatype> datatypes,
            boolean lenient,
            Node.Location at,
            String property,
            Problems problems) {
        JsonNode value = node;
        if (node.isObject()) {
            value = valueObject((ObjectNode) node, datatypes, lenient, at, property, problems);
            if (value == null) {
                return null;
            }
        }
        for (Datatype datatype : datatypes) {
            if (datatype.accepts(value)) {
                return value;
            }
        }
        problems.add(at, "'" + property + "' must be " + describe(datatypes) + ", found " + shown(node));
        return null;
    }

    private static JsonNode valueObject(
            ObjectNode object,
            Set<Datatype> datatypes,
            boolean lenient,
            Node.Location at,
            String property,
            Problems problems) {
        JsonNode value = object.get("@value");
        if (value == null) {
            problems.add(at, "'" + property + "' is an object without \"@value\"; give " + describe(datatypes));
            return null;
        }
        for (var entry : object.properties()) {
            String key = entry.getKey();
            if (!key.equals("@value") && !key.equals("@type") && !(lenient && tolerated(key))) {
                problems.add(
                        at,
                        "'" + property + "' is a value object with \"" + key
                                + "\"; a value object may hold only \"@value\" and \"@type\"");
                return null;
            }
        }
        JsonNode type = object.get("@type");
        if (type != null) {
            JsonNode single = type.isArray() && type.size() == 1 ? type.get(0) : type;
            boolean named = single.isTextual()
                    && datatypes.stream().anyMatch(d -> d.named(single.asText()) && d.accepts(value));
            if (!named) {
                problems.add(
                        at,
                        "'" + property + "' has \"@type\" " + type + ", which is not the XML Schema datatype"
                                + " of its value (such as \"xsd:boolean\")");
                return null;
            }
        }
        return value;
    }

    /**
     * A localizable string as a language map (language tag to text; a plain string is English), or null after a
     * problem.
     */
    static ObjectNode localizable(
            JsonNode node, int maxLength, boolean lenient, Node.Location at, String property, Problems problems) {
        ObjectNode texts = JsonNodeFactory.instance.objectNode();
        List<JsonNode> entries = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(entries::add);
        } else if (node.isObject() && !node.has("@value")) {
            return languageMap((ObjectNode) node, maxLength, at, property, problems);
        } else if (node.isObject()) {
            problems.add(
                    at,
                    "'" + property + "' is a value object; write a language map such as {\"en\": \"...\"},"
                            + " or put value objects in an array");
            return null;
        } else {
            entries.add(node);
        }
        Set<String> languages = new HashSet<>();
        for (JsonNode entry : entries) {
            String language;
            String text;
            if (entry.isTextual()) {
                language = "";
                text = entry.asText();
            } else if (entry.isObject() && entry.has("@value")) {
                for (var field : entry.properties()) {
                    if (!field.getKey().equals("@value")
                            && !field.getKey().equals("@language")
                            && !(lenient && tolerated(field.getKey()))) {
                        problems.add(
                                at,
                                "'" + property + "' has a value object with \"" + field.getKey()
                                        + "\"; give only \"@value\" and \"@language\"");
                        return null;
                    }
                }
                if (!entry.get("@value").isTextual()) {
                    problems.add(at, "'" + property + "' has an \"@value\" that is not a string");
                    return null;
                }
                JsonNode tag = entry.get("@language");
                if (tag != null
                        && !(tag.isTextual()
                                && LANGUAGE_TAG.matcher(tag.asText()).matches())) {
                    problems.add(
                            at,
                            "'" + property + "' has \"@language\" " + tag + ", which is not a language tag"
                                    + " such as \"en\" or \"zh-Hant\"");
                    return null;
                }
                language = tag == null ? "" : tag.asText();
                text = entry.get("@value").asText();
            } else {
                problems.add(
                        at,
                        "'" + property + "' must be a string, a language map such as {\"en\": \"...\"}, or an"
                                + " array of strings and {\"@value\", \"@language\"} objects; found " + shown(entry));
                return null;
            }
            // a text without a language is English, DTDL's default language: "hi" and {"@value": .., "@language": "en"}
            // clash ("Requirement-LocalizableStringArrayOnlyOneDefaultV3")
            String effective = language.isEmpty() ? "en" : language;
            if (!languages.add(effective)) {
                problems.add(
                        at,
                        "'" + property + "' gives "
                                + (language.isEmpty()
                                        ? "more than one text in the default language (a text without a language is English)"
                                        : "language '" + language + "' more than once"));
                return null;
            }
            if (!withinLength(text, maxLength, at, property, problems)) {
                return null;
            }
            texts.put(effective, text);
        }
        return texts;
    }

    private static ObjectNode languageMap(
            ObjectNode map, int maxLength, Node.Location at, String property, Problems problems) {
        ObjectNode texts = JsonNodeFactory.instance.objectNode();
        for (var entry : map.properties()) {
            if (!LANGUAGE_TAG.matcher(entry.getKey()).matches()) {
                problems.add(
                        at,
                        "'" + property + "' has the key '" + entry.getKey() + "', which is not a language"
                                + " tag such as \"en\" or \"zh-Hant\"");
                return null;
            }
            if (!entry.getValue().isTextual()) {
                problems.add(
                        at,
                        "'" + property + "' in language '" + entry.getKey() + "' must be a string, found "
                                + shown(entry.getValue()));
                return null;
            }
            if (!withinLength(entry.getValue().asText(), maxLength, at, property, problems)) {
                return null;
            }
            texts.put(entry.getKey(), entry.getValue().asText());
        }
        return texts;
    }

    /** Keywords DTDL v2 tolerates in a value object; never @id, @context or @graph ("...NoIdContextGraphV2"). */
    private static boolean tolerated(String key) {
        return !key.equals("@id") && !key.equals("@context") && !key.equals("@graph");
    }

    static boolean withinLength(String text, int maxLength, Node.Location at, String property, Problems problems) {
        if (maxLength >= 0 && text.length() > maxLength) {
            problems.add(at, "'" + property + "' is " + text.length() + " characters long; the limit is " + maxLength);
            return false;
        }
        return true;
    }

    static String describe(Set<Datatype> datatypes) {
        return String.join(" or ", datatypes.stream().map(Datatype::describe).toList());
    }

    /** A JSON value for a message, cut short. */
    static String shown(JsonNode node) {
        String text = node == null ? "nothing" : node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
