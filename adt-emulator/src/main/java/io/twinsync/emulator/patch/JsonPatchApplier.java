package io.twinsync.emulator.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Applies JSON Patch operations to a document in place. Follows RFC 6902: {@code add} needs the parent to exist and
 * sets or inserts; {@code replace} and {@code remove} need the target to exist. A failed operation leaves the
 * document partly changed, so callers patch a copy.
 */
public final class JsonPatchApplier {

    private JsonPatchApplier() {}

    public static void apply(ObjectNode document, List<PatchOperation> operations) {
        for (PatchOperation operation : operations) {
            applyOne(document, operation);
        }
    }

    private static void applyOne(ObjectNode document, PatchOperation operation) {
        List<String> path = operation.path();
        JsonNode parent = document;
        for (String segment : path.subList(0, path.size() - 1)) {
            parent = child(parent, segment);
            if (parent == null) {
                throw PatchOperation.invalid(
                        "Cannot " + verb(operation) + " " + operation.pointer() + ": '" + segment + "' does not exist");
            }
        }
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            applyToObject(object, last, operation);
        } else if (parent instanceof ArrayNode array) {
            applyToArray(array, last, operation);
        } else {
            throw PatchOperation.invalid(
                    "Cannot " + verb(operation) + " " + operation.pointer() + ": its parent is not an object or array");
        }
    }

    private static void applyToObject(ObjectNode object, String key, PatchOperation operation) {
        switch (operation.op()) {
            case ADD -> object.set(key, operation.value().deepCopy());
            case REPLACE -> {
                if (!object.has(key)) {
                    throw PatchOperation.invalid("Cannot replace " + operation.pointer()
                            + ": it does not exist; use add to set a property that has no value");
                }
                object.set(key, operation.value().deepCopy());
            }
            case REMOVE -> {
                if (object.remove(key) == null) {
                    throw PatchOperation.invalid("Cannot remove " + operation.pointer() + ": it does not exist");
                }
            }
        }
    }

    private static void applyToArray(ArrayNode array, String segment, PatchOperation operation) {
        if (operation.op() == PatchOperation.Op.ADD && segment.equals("-")) {
            array.add(operation.value().deepCopy());
            return;
        }
        int index = index(segment, operation);
        int limit = operation.op() == PatchOperation.Op.ADD ? array.size() : array.size() - 1;
        if (index > limit) {
            throw PatchOperation.invalid("Cannot " + verb(operation) + " " + operation.pointer() + ": index " + index
                    + " is past the end of an array of " + array.size());
        }
        switch (operation.op()) {
            case ADD -> array.insert(index, operation.value().deepCopy());
            case REPLACE -> array.set(index, operation.value().deepCopy());
            case REMOVE -> array.remove(index);
        }
    }

    private static JsonNode child(JsonNode parent, String segment) {
        if (parent instanceof ObjectNode object) {
            return object.get(segment);
        }
        if (parent instanceof ArrayNode array && segment.matches("0|[1-9][0-9]{0,8}")) {
            return array.get(Integer.parseInt(segment));
        }
        return null;
    }

    private static int index(String segment, PatchOperation operation) {
        if (!segment.matches("0|[1-9][0-9]{0,8}")) {
            throw PatchOperation.invalid("Cannot " + verb(operation) + " " + operation.pointer() + ": '" + segment
                    + "' is not an array index");
        }
        return Integer.parseInt(segment);
    }

    private static String verb(PatchOperation operation) {
        return operation.op().name().toLowerCase(java.util.Locale.ROOT);
    }
}
