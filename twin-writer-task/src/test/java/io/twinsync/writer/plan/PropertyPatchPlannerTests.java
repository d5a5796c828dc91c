package io.twinsync.writer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.json.StagingJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyPatchPlannerTests {

    @Test
    void plansNothingWhenEveryPropertyIsEqual() {
        // given
        ObjectNode desired = json("{\"$dtId\":\"p1\",\"$metadata\":{\"$model\":\"dtmi:x:Pump;1\"},\"name\":\"P1\"}");
        JsonNode actual = json("{\"$dtId\":\"p1\",\"$etag\":\"W/\\\"1\\\"\",\"$metadata\":{\"$model\":"
                + "\"dtmi:x:Pump;1\",\"name\":{\"lastUpdateTime\":\"2026-01-01T00:00:00Z\"}},\"name\":\"P1\"}");

        // when
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of());

        // then
        assertThat(ops).isEmpty();
    }

    @Test
    void addsOnlyThePropertyThatChanged() {
        // given
        ObjectNode desired = json("{\"$dtId\":\"p1\",\"name\":\"P1\",\"rpm\":1500}");
        JsonNode actual = json("{\"$dtId\":\"p1\",\"name\":\"P1\",\"rpm\":1200}");

        // when
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of());

        // then
        assertThat(ops)
                .containsExactly(PatchOperation.add("rpm", json("{\"v\":1500}").get("v")));
    }

    @Test
    void usesAddForAPropertyTheTwinDoesNotHaveYet() {
        // given
        ObjectNode desired = json("{\"name\":\"P1\",\"site\":\"North\"}");
        JsonNode actual = json("{\"name\":\"P1\"}");

        // when
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of());

        // then
        assertThat(ops)
                .extracting(PatchOperation::op, PatchOperation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PatchOperation.Op.ADD, "/site"));
    }

    @Test
    void removesARemovalThatTheTwinHas() {
        // given
        ObjectNode desired = json("{\"name\":\"P1\"}");
        JsonNode actual = json("{\"name\":\"P1\",\"site\":\"North\"}");

        // when
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of("/site"));

        // then
        assertThat(ops).containsExactly(PatchOperation.remove("site"));
    }

    @Test
    void readsARemovalWithoutSlashAsATopLevelName() {
        // given a removal as files written before removals were pointers hold it
        ObjectNode desired = json("{\"name\":\"P1\"}");
        JsonNode actual = json("{\"name\":\"P1\",\"site\":\"North\"}");

        // when
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of("site"));

        // then
        assertThat(ops).containsExactly(PatchOperation.remove("site"));
    }

    @Test
    void skipsARemovalThatTheTwinDoesNotHave() {
        // given
        ObjectNode desired = json("{\"name\":\"P1\"}");
        JsonNode actual = json("{\"name\":\"P1\"}");

        // when
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of("/site"));

        // then
        assertThat(ops).isEmpty();
    }

    @Test
    void treatsDecimalsThatDifferOnlyInTrailingZerosAsEqual() {
        // given
        ObjectNode desired = json("{\"price\":12.50,\"count\":3}");
        JsonNode actual = json("{\"price\":12.5,\"count\":3.0}");

        // when
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of());

        // then
        assertThat(ops).isEmpty();
    }

    @Test
    void comparesNestedObjectsAsAWholeIgnoringTheirMetadata() {
        // given
        ObjectNode desired = json("{\"motor\":{\"$metadata\":{},\"kw\":5,\"phase\":3}}");
        JsonNode actual = json("{\"motor\":{\"$metadata\":{\"kw\":{\"lastUpdateTime\":\"2026-01-01T00:00:00Z\"}},"
                + "\"phase\":3,\"kw\":5.0}}");

        // when
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of());

        // then
        assertThat(ops).isEmpty();
    }

    @Test
    void patchesOnlyTheChangedLeafOfANestedObject() {
        // given an Object value whose kw changed
        ObjectNode desired = json("{\"motor\":{\"kw\":7,\"phase\":3}}");
        JsonNode actual = json("{\"motor\":{\"kw\":5,\"phase\":3}}");

        // when
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of());

        // then only the leaf is set
        assertThat(ops).containsExactly(PatchOperation.addAt(List.of("motor", "kw"), desired.at("/motor/kw")));
    }

    @Test
    void keepsComponentPropertiesTheSourceDoesNotMap() {
        // given a component where ADT also holds a property someone else wrote
        ObjectNode desired = json("{\"nameplate\":{\"$metadata\":{},\"serialNumber\":\"S-2\"}}");
        JsonNode actual = json("{\"nameplate\":{\"$metadata\":{},\"serialNumber\":\"S-1\",\"notes\":\"x\"}}");

        // when
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of());

        // then only the mapped leaf changes; notes is not touched
        assertThat(ops)
                .containsExactly(PatchOperation.addAt(
                        List.of("nameplate", "serialNumber"), desired.at("/nameplate/serialNumber")));
    }

    @Test
    void addsAnObjectWholeWhenTheTwinLacksIt() {
        // given a twin without location
        ObjectNode desired = json("{\"location\":{\"latitude\":51.9,\"longitude\":4.4}}");
        JsonNode actual = json("{}");

        // when
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of());

        // then
        assertThat(ops).containsExactly(PatchOperation.add("location", desired.get("location")));
    }

    @Test
    void addsAMapEntryInsideAnExistingMap() {
        // given a map with another key in ADT
        ObjectNode desired = json("{\"attributes\":{\"color\":\"red\"}}");
        JsonNode actual = json("{\"attributes\":{\"size\":\"L\"}}");

        // when
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of());

        // then the other key stays
        assertThat(ops).extracting(PatchOperation::path).containsExactly("/attributes/color");
    }

    @Test
    void setsAMapTheSourceGivesWholeAsAWholeSoAKeyItDroppedGoes() {
        // given a map filled whole from a JSON column, whose "size" key the source no longer has
        ObjectNode desired = json("{\"readings\":{\"color\":\"red\"}}");
        JsonNode actual = json("{\"readings\":{\"color\":\"red\",\"size\":\"L\"}}");

        // when planned with the map listed as a whole value
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of(), List.of("/readings"));

        // then the map is set whole, which drops "size"
        assertThat(ops).containsExactly(PatchOperation.add("readings", desired.get("readings")));
    }

    @Test
    void leavesAWholeValueAloneWhenItIsEqual() {
        ObjectNode desired = json("{\"readings\":{\"a\":1,\"b\":2}}");
        JsonNode actual = json("{\"readings\":{\"b\":2,\"a\":1}}");

        assertThat(PropertyPatchPlanner.plan(desired, actual, List.of(), List.of("/readings")))
                .isEmpty();
    }

    @Test
    void setsAnArrayWholeWhenAnElementChanged() {
        // given
        ObjectNode desired = json("{\"tags\":[\"a\",\"c\"]}");
        JsonNode actual = json("{\"tags\":[\"a\",\"b\"]}");

        // when
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of());

        // then
        assertThat(ops).containsExactly(PatchOperation.add("tags", desired.get("tags")));
    }

    @Test
    void removesANestedPointerThatTheTwinHas() {
        // given
        ObjectNode desired = json("{\"nameplate\":{\"$metadata\":{}}}");
        JsonNode actual = json("{\"nameplate\":{\"$metadata\":{},\"serialNumber\":\"S-1\"}}");

        // when
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of("/nameplate/serialNumber"));

        // then
        assertThat(ops).containsExactly(PatchOperation.removeAt(List.of("nameplate", "serialNumber")));
    }

    @Test
    void readsEscapedRemovalPointers() {
        // given a map key with a slash and a tilde
        ObjectNode desired = json("{\"attributes\":{}}");
        JsonNode actual = json("{\"attributes\":{\"a/b~c\":\"x\"}}");

        // when
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of("/attributes/a~1b~0c"));

        // then the pointer is sent escaped as it came
        assertThat(ops).extracting(PatchOperation::path).containsExactly("/attributes/a~1b~0c");
    }

    @Test
    void escapesPropertyNamesInThePointer() {
        // given
        ObjectNode desired = json("{\"a/b~c\":1}");
        JsonNode actual = json("{}");

        // when
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual, List.of());

        // then
        assertThat(ops).extracting(PatchOperation::path).containsExactly("/a~1b~0c");
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) StagingJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
