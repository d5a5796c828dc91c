package io.twinsync.emulator;

import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsync.emulator.query.QueryGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Creates {@link QueryGraph} through the real SDK, as any client of the emulator would. */
final class QueryGraphLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QueryGraphLoader() {}

    @SuppressWarnings("unchecked")
    static void load(DigitalTwinsClient client) {
        client.createModels(QueryGraph.MODELS);
        QueryGraph.twins().forEach(twin -> client.createOrReplaceDigitalTwin(twin.id(), map(twin.json()), Map.class));
        QueryGraph.relationships()
                .forEach(relationship -> client.createOrReplaceRelationship(
                        relationship.sourceId(), relationship.id(), map(relationship.json()), Map.class));
    }

    private static Map<String, Object> map(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
