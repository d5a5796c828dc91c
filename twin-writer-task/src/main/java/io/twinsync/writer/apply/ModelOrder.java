package io.twinsync.writer.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders DTDL interfaces so that every model comes after the models it refers to ({@code extends}, component
 * schemas, relationship targets, any other reference to a model in the same set), keeping the given order where
 * nothing forces another. Models in a reference cycle (allowed for relationship targets) stay together at the end,
 * in their given order, because ADT resolves references within one upload call.
 */
final class ModelOrder {

    private ModelOrder() {}

    static List<ObjectNode> dependenciesFirst(List<ObjectNode> models) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        models.forEach(m -> byId.put(m.path("@id").asText(), m));
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        byId.forEach((id, model) -> {
            Set<String> refs = new LinkedHashSet<>();
            collectReferences(model, byId.keySet(), refs);
            refs.remove(id);
            dependsOn.put(id, refs);
        });
        List<ObjectNode> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Map.Entry<String, Set<String>> entry : dependsOn.entrySet()) {
                if (!placed.contains(entry.getKey()) && placed.containsAll(entry.getValue())) {
                    placed.add(entry.getKey());
                    ordered.add(byId.get(entry.getKey()));
                    progress = true;
                }
            }
        }
        byId.forEach((id, model) -> {
            if (!placed.contains(id)) {
                ordered.add(model);
            }
        });
        return ordered;
    }

    private static void collectReferences(JsonNode node, Set<String> ids, Set<String> refs) {
        if (node.isTextual() && ids.contains(node.asText())) {
            refs.add(node.asText());
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectReferences(child, ids, refs));
        }
    }
}
