package io.twinsync.writer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.twin.TwinPointers;
import java.util.List;

/**
 * One JSON Patch operation. Only {@code add} (sets a property whether or not it exists; {@code replace} would fail
 * on an absent one) and {@code remove}.
 *
 * @param op add or remove
 * @param path a JSON Pointer such as {@code /temperature} or {@code /nameplate/serialNumber}
 * @param value the new value for add, null for remove
 */
public record PatchOperation(Op op, String path, JsonNode value) {

    /** The JSON Patch operations the writer sends. */
    public enum Op {
        ADD,
        REMOVE
    }

    public static PatchOperation add(String property, JsonNode value) {
        return addAt(List.of(property), value);
    }

    public static PatchOperation remove(String property) {
        return removeAt(List.of(property));
    }

    /** Sets the value at a nested place, such as {@code [nameplate, serialNumber]}. */
    public static PatchOperation addAt(List<String> path, JsonNode value) {
        return new PatchOperation(Op.ADD, TwinPointers.of(path), value);
    }

    /** Removes the value at a nested place. */
    public static PatchOperation removeAt(List<String> path) {
        return new PatchOperation(Op.REMOVE, TwinPointers.of(path), null);
    }
}
