package io.twinsync.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.store.StoredRelationship;
import io.twinsync.emulator.store.StoredTwin;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The patch a replacing PUT is reported with. */
class DocumentDiffTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void propertiesAddedChangedAndRemovedBecomeAddReplaceAndRemove() throws IOException {
        StoredTwin before = twin("dtmi:a;1", "{\"kept\": 1, \"changed\": \"x\", \"gone\": true}", Set.of());
        StoredTwin after = twin("dtmi:a;1", "{\"kept\": 1, \"changed\": \"y\", \"new/one\": {\"a\": 1}}", Set.of());

        assertThat(DocumentDiff.twins(before, after).toString())
                .isEqualTo("[{\"value\":\"y\",\"path\":\"/changed\",\"op\":\"replace\"},"
                        + "{\"value\":{\"a\":1},\"path\":\"/new~1one\",\"op\":\"add\"},"
                        + "{\"path\":\"/gone\",\"op\":\"remove\"}]");
    }

    @Test
    void aModelChangeAndComponentPropertiesArePatchedByPath() throws IOException {
        StoredTwin before = twin("dtmi:a;1", "{\"hvac\": {\"setpoint\": 21, \"mode\": \"eco\"}}", Set.of("hvac"));
        StoredTwin after = twin("dtmi:a;2", "{\"hvac\": {\"setpoint\": 19}, \"fan\": {}}", Set.of("hvac", "fan"));

        assertThat(DocumentDiff.twins(before, after).toString())
                .isEqualTo("[{\"value\":\"dtmi:a;2\",\"path\":\"/$metadata/$model\",\"op\":\"replace\"},"
                        + "{\"value\":19,\"path\":\"/hvac/setpoint\",\"op\":\"replace\"},"
                        + "{\"path\":\"/hvac/mode\",\"op\":\"remove\"},"
                        + "{\"value\":{},\"path\":\"/fan\",\"op\":\"add\"}]");
    }

    @Test
    void identicalTwinsGiveAnEmptyPatch() throws IOException {
        StoredTwin twin = twin("dtmi:a;1", "{\"a\": [1, 2]}", Set.of());

        assertThat(DocumentDiff.twins(twin, twin(twin.modelId(), "{\"a\": [1, 2]}", Set.of())))
                .isEmpty();
    }

    @Test
    void aRelationshipsNewTargetAndPropertiesArePatched() throws IOException {
        StoredRelationship before = new StoredRelationship(
                "r", "s", "t1", "contains", (ObjectNode) JSON.readTree("{\"since\": \"2020-01-01\"}"), "W/\"1\"");
        StoredRelationship after =
                new StoredRelationship("r", "s", "t2", "contains", (ObjectNode) JSON.readTree("{}"), "W/\"2\"");

        assertThat(DocumentDiff.relationships(before, after).toString())
                .isEqualTo("[{\"value\":\"t2\",\"path\":\"/$targetId\",\"op\":\"replace\"},"
                        + "{\"path\":\"/since\",\"op\":\"remove\"}]");
    }

    private static StoredTwin twin(String model, String contents, Set<String> components) throws IOException {
        return new StoredTwin(
                "t",
                model,
                (ObjectNode) JSON.readTree(contents),
                Map.of(),
                Map.of(),
                components,
                Instant.now(),
                "W/\"t\"");
    }
}
