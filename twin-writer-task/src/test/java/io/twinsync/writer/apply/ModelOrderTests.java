package io.twinsync.writer.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.json.StagingJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelOrderTests {

    @Test
    void putsBaseComponentAndTargetModelsBeforeTheirDependants() {
        // given
        ObjectNode pump = model("{\"@id\":\"dtmi:x:Pump;1\",\"extends\":\"dtmi:x:Asset;1\",\"contents\":["
                + "{\"@type\":\"Component\",\"name\":\"motor\",\"schema\":\"dtmi:x:Motor;1\"},"
                + "{\"@type\":\"Relationship\",\"name\":\"feeds\",\"target\":\"dtmi:x:Tank;1\"}]}");
        ObjectNode tank = model("{\"@id\":\"dtmi:x:Tank;1\",\"extends\":[\"dtmi:x:Asset;1\"]}");
        ObjectNode motor = model("{\"@id\":\"dtmi:x:Motor;1\"}");
        ObjectNode asset = model("{\"@id\":\"dtmi:x:Asset;1\"}");

        // when
        List<String> order = ids(ModelOrder.dependenciesFirst(List.of(pump, tank, motor, asset)));

        // then
        assertThat(order).containsExactly("dtmi:x:Motor;1", "dtmi:x:Asset;1", "dtmi:x:Tank;1", "dtmi:x:Pump;1");
    }

    @Test
    void keepsModelsThatReferToEachOtherTogetherAtTheEnd() {
        // given
        ObjectNode a = model("{\"@id\":\"dtmi:x:A;1\",\"contents\":[{\"@type\":\"Relationship\",\"name\":\"r\","
                + "\"target\":\"dtmi:x:B;1\"}]}");
        ObjectNode b = model("{\"@id\":\"dtmi:x:B;1\",\"contents\":[{\"@type\":\"Relationship\",\"name\":\"r\","
                + "\"target\":\"dtmi:x:A;1\"}]}");
        ObjectNode c = model("{\"@id\":\"dtmi:x:C;1\"}");

        // when
        List<String> order = ids(ModelOrder.dependenciesFirst(List.of(a, b, c)));

        // then
        assertThat(order).containsExactly("dtmi:x:C;1", "dtmi:x:A;1", "dtmi:x:B;1");
    }

    private static List<String> ids(List<ObjectNode> models) {
        return models.stream().map(m -> m.path("@id").asText()).toList();
    }

    private static ObjectNode model(String json) {
        try {
            return (ObjectNode) StagingJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
