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

    static GraphDump of(String endpoint, Path certificate) {
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
