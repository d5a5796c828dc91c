package io.twinsync.emulator.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One JSON Patch operation with its path already split into unescaped segments.
 *
 * @param op what to do
 * @param path the JSON pointer segments ({@code /a/b~1c} becomes {@code [a, b/c]})
 * @param value the value for add and replace, null for remove
 */
public record PatchOperation(Op op, List<String> path, JsonNode value) {

    /** The operations ADT accepts. */
    public enum Op {
        ADD,
        REPLACE,
        REMOVE
    }

    public PatchOperation {
        path = List.copyOf(path);
    }

    /** The path as it was written, for messages. */
    public String pointer() {
        StringBuilder text = new StringBuilder();
        for (String segment : path) {
            text.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return text.toString();
    }

    /** Reads a JSON Patch document; anything but an array of add/replace/remove objects is JsonPatchInvalid. */
    public static List<PatchOperation> parseDocument(JsonNode document) {
        if (document == null || !document.isArray()) {
            throw invalid("The JSON Patch document must be a JSON array of operations");
        }
        List<PatchOperation> operations = new ArrayList<>();
        for (JsonNode node : document) {
            operations.add(parseOne(node, operations.size()));
        }
        return operations;
    }

    private static PatchOperation parseOne(JsonNode node, int index) {
        if (!node.isObject()
                || !node.path("op").isTextual()
                || !node.path("path").isTextual()) {
            throw invalid("Operation " + index + " needs a string 'op' and a string 'path'");
        }
        String opText = node.get("op").asText();
        Op op =
                switch (opText.toLowerCase(Locale.ROOT)) {
                    case "add" -> Op.ADD;
                    case "replace" -> Op.REPLACE;
                    case "remove" -> Op.REMOVE;
                    default ->
                        throw invalid("Operation " + index + " uses op '" + opText
                                + "'; ADT accepts only add, replace and remove");
                };
        if (op != Op.REMOVE && !node.has("value")) {
            throw invalid("Operation " + index + " (" + opText + " "
                    + node.get("path").asText() + ") has no 'value'");
        }
        return new PatchOperation(
                op, splitPointer(node.get("path").asText()), op == Op.REMOVE ? null : node.get("value"));
    }

    /** Splits a JSON pointer; the empty pointer (the whole document) is refused because ADT refuses it. */
    public static List<String> splitPointer(String pointer) {
        if (!pointer.startsWith("/") || pointer.length() < 2) {
            throw invalid("Path '" + pointer + "' must be a JSON pointer to a property, such as /name");
        }
        List<String> segments = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            segments.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }

    static AdtException invalid(String message) {
        return new AdtException(AdtError.JSON_PATCH_INVALID, message);
    }
}
