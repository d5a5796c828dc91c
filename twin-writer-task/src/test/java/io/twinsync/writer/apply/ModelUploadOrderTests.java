package io.twinsync.writer.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.json.StagingJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelUploadOrderTests {

    @Test
    void putsExtendedAndComponentModelsBeforeTheirDependantsButNotRelationshipTargets() {
        // given Pump extends Asset, has a Motor component and a relationship to Tank, which comes after it
        ObjectNode pump = model(
                "dtmi:x:Pump;1",
                "\"extends\":\"dtmi:x:Asset;1\",\"contents\":["
                        + "{\"@type\":\"Component\",\"name\":\"motor\",\"schema\":\"dtmi:x:Motor;1\"},"
                        + "{\"@type\":\"Relationship\",\"name\":\"feeds\",\"target\":\"dtmi:x:Tank;1\"}]");
        ObjectNode tank = model("dtmi:x:Tank;1", "\"extends\":[\"dtmi:x:Asset;1\"]");
        ObjectNode motor = model("dtmi:x:Motor;1", "\"contents\":[]");
        ObjectNode asset = model("dtmi:x:Asset;1", "\"contents\":[]");

        // when
        List<String> order = ids(ModelUploader.dependenciesFirst(List.of(pump, tank, motor, asset)));

        // then Asset and Motor before Pump; Tank, only a target, keeps its place after Pump
        assertThat(order).containsExactly("dtmi:x:Asset;1", "dtmi:x:Motor;1", "dtmi:x:Pump;1", "dtmi:x:Tank;1");
    }

    @Test
    void aModelThatCannotBeReadKeepsItsPlaceAfterTheOthersForTheServiceToRefuse() {
        // given a document that is not a DTDL interface at all
        ObjectNode broken = (ObjectNode) json("{\"@id\":\"dtmi:x:Broken;1\"}");
        ObjectNode asset = model("dtmi:x:Asset;1", "\"contents\":[]");

        // when
        List<String> order = ids(ModelUploader.dependenciesFirst(List.of(broken, asset)));

        // then nothing is lost
        assertThat(order).containsExactly("dtmi:x:Asset;1", "dtmi:x:Broken;1");
    }

    private static List<String> ids(List<ObjectNode> models) {
        return models.stream().map(m -> m.path("@id").asText()).toList();
    }

    private static ObjectNode model(String id, String body) {
        return (ObjectNode) json(
                "{\"@context\":\"dtmi:dtdl:context;3\",\"@type\":\"Interface\",\"@id\":\"" + id + "\"," + body + "}");
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return StagingJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
