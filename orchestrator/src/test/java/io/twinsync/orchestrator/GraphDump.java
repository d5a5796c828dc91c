package io.twinsync.orchestrator;

import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.writer.AdtClients;
import io.twinsync.writer.AdtTarget;
import io.twinsync.writer.WriterSettings;
import io.twinsync.writer.client.PemCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole graph as comparable text: every twin (id, model, properties) and every relationship (source, id, name,
 * target, properties), without what differs between two graphs that hold the same data (ETags, update times).
 *
 * @param twins twin id to its document
 * @param relationships {@code source/id} to its document
 */
record GraphDump(Map<String, String> twins, Map<String, String> relationships) {

    /** Reads the whole graph, again from the start when the emulator drops a connection (its fault injection). */
    static GraphDump of(String endpoint, Path certificate) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read(endpoint, certificate);
            } catch (RuntimeException e) {
                if (attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    private static GraphDump read(String endpoint, Path certificate) {
        DigitalTwinsClient client = AdtClients.create(
                AdtTarget.emulator(URI.create(endpoint), PemCertificate.read(certificate)), WriterSettings.defaults());
        Map<String, String> twins = new TreeMap<>();
        for (String twin : client.query("SELECT * FROM DIGITALTWINS", String.class)) {
            ObjectNode node = normalised(twin);
            twins.put(node.path("$dtId").asText(), node.toString());
        }
        Map<String, String> relationships = new TreeMap<>();
        for (String relationship : client.query("SELECT * FROM RELATIONSHIPS", String.class)) {
            ObjectNode node = normalised(relationship);
            relationships.put(
                    node.path("$sourceId").asText() + "/"
                            + node.path("$relationshipId").asText(),
                    node.toString());
        }
        return new GraphDump(twins, relationships);
    }

    /** How this graph differs from {@code expected}, a few lines per kind; empty when they are equal. */
    java.util.List<String> differencesFrom(GraphDump expected) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        compare("twin", twins, expected.twins, lines);
        compare("relationship", relationships, expected.relationships, lines);
        return lines;
    }

    private static void compare(
            String kind, Map<String, String> actual, Map<String, String> expected, java.util.List<String> lines) {
        java.util.List<String> missing =
                expected.keySet().stream().filter(k -> !actual.containsKey(k)).toList();
        java.util.List<String> extra =
                actual.keySet().stream().filter(k -> !expected.containsKey(k)).toList();
        java.util.List<String> differing = expected.keySet().stream()
                .filter(k -> actual.containsKey(k) && !actual.get(k).equals(expected.get(k)))
                .toList();
        if (!missing.isEmpty()) {
            lines.add(
                    missing.size() + " " + kind + "s missing, e.g. " + missing.subList(0, Math.min(5, missing.size())));
        }
        if (!extra.isEmpty()) {
            lines.add(extra.size() + " " + kind + "s extra, e.g. " + extra.subList(0, Math.min(5, extra.size())));
        }
        for (String key : differing.subList(0, Math.min(3, differing.size()))) {
            lines.add(kind + " " + key + " differs: " + actual.get(key) + " instead of " + expected.get(key));
        }
        if (differing.size() > 3) {
            lines.add((differing.size() - 3) + " more " + kind + "s differ");
        }
    }

    /**
     * Relationships that say the same thing twice (one source, name and target under two ids), as {@code
     * source -name-> target}: a sync must never leave any.
     */
    java.util.List<String> duplicateRelationships() {
        Map<String, Integer> counts = new TreeMap<>();
        relationships.values().forEach(json -> {
            ObjectNode node = normalised(json);
            String key = node.path("$sourceId").asText() + " -"
                    + node.path("$relationshipName").asText() + "-> "
                    + node.path("$targetId").asText();
            counts.merge(key, 1, Integer::sum);
        });
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static ObjectNode normalised(String json) {
        try {
            ObjectNode node = (ObjectNode) StagingJson.mapper().readTree(json);
            strip(node);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops ETags and update times, and sorts fields, recursively. */
    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("$etag");
            object.remove("lastUpdateTime");
            object.remove("$lastUpdateTime");
            object.remove("sourceTime");
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                strip(field.getValue());
                sorted.put(field.getKey(), field.getValue());
            }
            object.removeAll();
            object.setAll(sorted);
        } else if (node != null && node.isArray()) {
            node.forEach(GraphDump::strip);
        }
    }
}
