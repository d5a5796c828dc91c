package io.twinsync.writer.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.json.StagingJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelComparisonTests {

    @Test
    void sortsLocalModelsIntoToUploadSameAndDifferingAndListsTheTargetsOthers() {
        // given local Pump (same as held, but written with arrays of one), Valve (changed) and Tank (new);
        // the target also holds Site, and its Valve is decommissioned
        List<ObjectNode> local = List.of(
                model("{\"@id\":\"dtmi:x:Pump;1\",\"@type\":[\"Interface\"],\"contents\":[{\"name\":\"rpm\"}]}"),
                model("{\"@id\":\"dtmi:x:Valve;1\",\"@type\":\"Interface\",\"displayName\":\"Valve v2\"}"),
                model("{\"@id\":\"dtmi:x:Tank;1\",\"@type\":\"Interface\"}"));
        List<TargetModel> target = List.of(
                new TargetModel(
                        "dtmi:x:Pump;1",
                        model("{\"@id\":\"dtmi:x:Pump;1\",\"@type\":\"Interface\",\"contents\":{\"name\":\"rpm\"}}"),
                        false,
                        null),
                new TargetModel(
                        "dtmi:x:Valve;1",
                        model("{\"@id\":\"dtmi:x:Valve;1\",\"@type\":\"Interface\",\"displayName\":\"Valve\"}"),
                        true,
                        null),
                new TargetModel(
                        "dtmi:x:Site;1", model("{\"@id\":\"dtmi:x:Site;1\",\"@type\":\"Interface\"}"), false, null));

        // when
        ModelComparison comparison = ModelComparison.compare(local, target);

        // then
        assertThat(comparison.toUpload()).containsExactly("dtmi:x:Tank;1");
        assertThat(comparison.same()).containsExactly("dtmi:x:Pump;1");
        assertThat(comparison.differing())
                .containsExactly(new ModelComparison.Difference("dtmi:x:Valve;1", List.of("/displayName")));
        assertThat(comparison.onlyInTarget()).containsExactly("dtmi:x:Site;1");
        assertThat(comparison.decommissioned()).containsExactly("dtmi:x:Valve;1");
    }

    private static ObjectNode model(String json) {
        try {
            return (ObjectNode) StagingJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
