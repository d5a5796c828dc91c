package io.twinsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a PATCH leaves behind: the 32 KB document limit, component $metadata, per-property update times and source
 * times.
 */
class PatchResultTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PART_JSON =
            """
            {"@id": "dtmi:size:Part;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
             "contents": [{"@type": "Property", "name": "tags", "schema": {"@type": "Map",
                 "mapKey": {"name": "k", "schema": "string"}, "mapValue": {"name": "v", "schema": "string"}}}]}
            """;
    private static final String BOX_JSON =
            """
            {"@id": "dtmi:size:Box;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
             "contents": [
               {"@type": "Property", "name": "name", "schema": "string"},
               {"@type": "Property", "name": "tags", "schema": {"@type": "Map",
                 "mapKey": {"name": "k", "schema": "string"}, "mapValue": {"name": "v", "schema": "string"}}},
               {"@type": "Component", "name": "part", "schema": "dtmi:size:Part;1"},
               {"@type": "Relationship", "name": "link", "properties": [{"@type": "Property", "name": "tags",
                 "schema": {"@type": "Map", "mapKey": {"name": "k", "schema": "string"},
                   "mapValue": {"name": "v", "schema": "string"}}}]}
             ]}
            """;

    private static AdtEmulator emulator;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        emulator = TestEmulators.start();
        SdkClients.sync(emulator).createModels(List.of(PART_JSON, BOX_JSON));
        SdkClients.sync(emulator).createModels(TestModels.all());
        http = new RawHttp(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aTwinPatchThatGrowsTheTwinPastThirtyTwoKilobytesIsRefusedAndTheTwinIsUnchanged() throws Exception {
        // given a twin of about 20 KB
        putBox("big-twin", tags("a", 20));
        String before = http.get("/digitaltwins/big-twin").body();

        // when a patch adds another 20 KB
        HttpResponse<String> patched = http.patch("/digitaltwins/big-twin", addEntries("/tags", 20));

        // then
        assertRefusedForSize(patched);
        assertThat(http.get("/digitaltwins/big-twin").body()).isEqualTo(before);
    }

    @Test
    void aComponentPatchThatGrowsTheTwinPastThirtyTwoKilobytesIsRefusedAndTheTwinIsUnchanged() throws Exception {
        // given a twin of about 20 KB
        putBox("big-component", tags("a", 20));
        String before = http.get("/digitaltwins/big-component").body();

        // when a component patch adds another 20 KB
        HttpResponse<String> patched = http.patch(
                "/digitaltwins/big-component/components/part",
                "[{\"op\":\"add\",\"path\":\"/tags\",\"value\":" + tags("b", 20) + "}]");

        // then
        assertRefusedForSize(patched);
        assertThat(http.get("/digitaltwins/big-component").body()).isEqualTo(before);
    }

    @Test
    void aRelationshipPatchThatGrowsItPastThirtyTwoKilobytesIsRefusedAndTheRelationshipIsUnchanged() throws Exception {
        // given a relationship of about 20 KB
        putBox("rel-source", tags("a", 1));
        putBox("rel-target", tags("a", 1));
        assertThat(http.put(
                                "/digitaltwins/rel-source/relationships/r1",
                                "{\"$targetId\":\"rel-target\",\"$relationshipName\":\"link\",\"tags\":" + tags("a", 20)
                                        + "}")
                        .statusCode())
                .isEqualTo(200);
        String before = http.get("/digitaltwins/rel-source/relationships/r1").body();

        // when a patch adds another 20 KB
        HttpResponse<String> patched = http.patch("/digitaltwins/rel-source/relationships/r1", addEntries("/tags", 20));

        // then
        assertRefusedForSize(patched);
        assertThat(http.get("/digitaltwins/rel-source/relationships/r1").body()).isEqualTo(before);
    }

    @Test
    void aComponentAddedWithItsOwnMetadataIsStoredWithoutIt() throws Exception {
        // given
        assertThat(http.put(
                                "/digitaltwins/plant-meta",
                                "{\"$metadata\":{\"$model\":\"" + TestModels.PLANT
                                        + "\"},\"hvac\":{\"$metadata\":{},\"setpoint\":20}}")
                        .statusCode())
                .isEqualTo(200);

        // when the component is replaced whole, with a $metadata as the SDK sends it
        HttpResponse<String> patched = http.patch(
                "/digitaltwins/plant-meta",
                "[{\"op\":\"add\",\"path\":\"/hvac\",\"value\":{\"$metadata\":{},\"setpoint\":1}}]");

        // then the component has exactly its property and one $metadata, with the component's own time (as in the
        // service's recorded answers) and a time for that property only
        assertThat(patched.statusCode()).isEqualTo(204);
        JsonNode twin = JSON.readTree(http.get("/digitaltwins/plant-meta").body());
        JsonNode hvac = twin.get("hvac");
        assertThat(fieldNames(hvac)).containsExactlyInAnyOrder("setpoint", "$metadata");
        assertThat(hvac.get("setpoint").asInt()).isEqualTo(1);
        assertThat(fieldNames(hvac.get("$metadata"))).containsExactly("$lastUpdateTime", "setpoint");
        assertThat(fieldNames(twin.get("$metadata"))).doesNotContain("hvac/$metadata", "hvac");
    }

    @Test
    void patchingOnePropertyKeepsTheUpdateTimeOfTheOthers() throws Exception {
        // given
        assertThat(http.put(
                                "/digitaltwins/times",
                                "{\"$metadata\":{\"$model\":\"" + TestModels.ASSET
                                        + "\"},\"name\":\"n\",\"serial\":\"s-1\"}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode before = JSON.readTree(http.get("/digitaltwins/times").body()).get("$metadata");
        Instant written =
                Instant.parse(before.path("serial").path("lastUpdateTime").asText());
        // the clock must have moved on, or the patched time could equal the first by chance
        while (!Instant.now().isAfter(written)) {
            Thread.onSpinWait();
        }

        // when
        assertThat(http.patch("/digitaltwins/times", "[{\"op\":\"replace\",\"path\":\"/serial\",\"value\":\"s-2\"}]")
                        .statusCode())
                .isEqualTo(204);

        // then
        JsonNode after = JSON.readTree(http.get("/digitaltwins/times").body()).get("$metadata");
        assertThat(after.path("name").path("lastUpdateTime").asText())
                .isEqualTo(before.path("name").path("lastUpdateTime").asText());
        assertThat(Instant.parse(after.path("serial").path("lastUpdateTime").asText()))
                .isAfter(written);
    }

    @Test
    void aPatchStampsTheTwinAndThePropertiesItWritesWithOneInstant() throws Exception {
        // given
        putAsset("one-instant");

        // when
        assertThat(http.patch(
                                "/digitaltwins/one-instant",
                                "[{\"op\":\"replace\",\"path\":\"/serial\",\"value\":\"s-2\"}]")
                        .statusCode())
                .isEqualTo(204);

        // then the twin's $lastUpdateTime and the patched property's time are the same, as in the service's
        // recorded answers (TwinTests.digitalTwinLifecycle)
        JsonNode metadata =
                JSON.readTree(http.get("/digitaltwins/one-instant").body()).get("$metadata");
        assertThat(metadata.path("serial").path("lastUpdateTime").asText())
                .isEqualTo(metadata.path("$lastUpdateTime").asText());
    }

    @Test
    void aComponentCarriesItsOwnLastUpdateTimeWhichMovesOnlyWhenItsPropertiesAreWritten() throws Exception {
        // given a plant created with an hvac component
        assertThat(http.put(
                                "/digitaltwins/plant-times",
                                "{\"$metadata\":{\"$model\":\"" + TestModels.PLANT
                                        + "\"},\"name\":\"p\",\"hvac\":{\"$metadata\":{},\"setpoint\":20}}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode created = JSON.readTree(http.get("/digitaltwins/plant-times").body());
        String createdAt = created.path("$metadata").path("$lastUpdateTime").asText();

        // when a twin property is patched, and then a component property
        assertThat(http.patch("/digitaltwins/plant-times", "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"q\"}]")
                        .statusCode())
                .isEqualTo(204);
        JsonNode afterTwinPatch = JSON.readTree(
                http.get("/digitaltwins/plant-times/components/hvac").body());
        assertThat(http.patch(
                                "/digitaltwins/plant-times/components/hvac",
                                "[{\"op\":\"replace\",\"path\":\"/setpoint\",\"value\":21}]")
                        .statusCode())
                .isEqualTo(204);
        JsonNode afterComponentPatch =
                JSON.readTree(http.get("/digitaltwins/plant-times").body());

        // then the component's $lastUpdateTime is its creation time, then the time of the component patch
        assertThat(created.path("hvac")
                        .path("$metadata")
                        .path("$lastUpdateTime")
                        .asText())
                .isEqualTo(createdAt);
        assertThat(afterTwinPatch.path("$metadata").path("$lastUpdateTime").asText())
                .isEqualTo(createdAt);
        assertThat(afterComponentPatch
                        .path("hvac")
                        .path("$metadata")
                        .path("$lastUpdateTime")
                        .asText())
                .isEqualTo(afterComponentPatch
                        .path("$metadata")
                        .path("$lastUpdateTime")
                        .asText())
                .isNotEqualTo(createdAt);
    }

    @Test
    void aPropertysSourceTimeCanBeSetAndRemovedAndIsShownInItsMetadata() throws Exception {
        // given
        putAsset("source-time");

        // when the sourceTime is set as the SDK's recorded session does, then removed
        HttpResponse<String> set = http.patch(
                "/digitaltwins/source-time",
                "[{\"op\":\"replace\",\"path\":\"/$metadata/serial/sourceTime\","
                        + "\"value\":\"2022-01-20T02:03:00.0943478Z\"}]");
        JsonNode withSourceTime =
                JSON.readTree(http.get("/digitaltwins/source-time").body());
        HttpResponse<String> removed = http.patch(
                "/digitaltwins/source-time", "[{\"op\":\"remove\",\"path\":\"/$metadata/serial/sourceTime\"}]");
        JsonNode withoutSourceTime =
                JSON.readTree(http.get("/digitaltwins/source-time").body());

        // then it was accepted with a new ETag and shown next to lastUpdateTime, and is gone after the removal
        assertThat(set.statusCode()).isEqualTo(204);
        assertThat(set.headers().firstValue("ETag")).isPresent();
        assertThat(Instant.parse(withSourceTime
                        .path("$metadata")
                        .path("serial")
                        .path("sourceTime")
                        .asText()))
                .isEqualTo(Instant.parse("2022-01-20T02:03:00.0943478Z"));
        assertThat(withSourceTime.path("$metadata").path("name").has("sourceTime"))
                .isFalse();
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(withoutSourceTime.path("$metadata").path("serial").has("sourceTime"))
                .isFalse();
    }

    @Test
    void aComponentPropertysSourceTimeIsSetThroughTheComponent() throws Exception {
        // given
        assertThat(http.put(
                                "/digitaltwins/plant-source",
                                "{\"$metadata\":{\"$model\":\"" + TestModels.PLANT
                                        + "\"},\"hvac\":{\"$metadata\":{},\"setpoint\":20}}")
                        .statusCode())
                .isEqualTo(200);

        // when
        HttpResponse<String> set = http.patch(
                "/digitaltwins/plant-source/components/hvac",
                "[{\"op\":\"add\",\"path\":\"/$metadata/setpoint/sourceTime\",\"value\":\"2024-05-01T10:00:00Z\"}]");

        // then
        assertThat(set.statusCode()).isEqualTo(204);
        JsonNode hvac = JSON.readTree(
                http.get("/digitaltwins/plant-source/components/hvac").body());
        assertThat(hvac.path("$metadata").path("setpoint").path("sourceTime").asText())
                .isEqualTo("2024-05-01T10:00:00Z");
    }

    @Test
    void aSourceTimeThatIsNotADateTimeOrOfAnAbsentPropertyIsRefused() throws Exception {
        // given
        putAsset("bad-source-time");

        // when
        HttpResponse<String> notATime = http.patch(
                "/digitaltwins/bad-source-time",
                "[{\"op\":\"replace\",\"path\":\"/$metadata/serial/sourceTime\",\"value\":\"yesterday\"}]");
        HttpResponse<String> noProperty = http.patch(
                "/digitaltwins/bad-source-time",
                "[{\"op\":\"replace\",\"path\":\"/$metadata/missing/sourceTime\",\"value\":\"2024-05-01T10:00:00Z\"}]");

        // then
        assertThat(notATime.statusCode()).isEqualTo(400);
        assertThat(notATime.headers().firstValue("x-ms-error-code")).contains("JsonPatchInvalid");
        assertThat(noProperty.statusCode()).isEqualTo(400);
        assertThat(noProperty.body()).contains("no property missing");
    }

    private static void putAsset(String id) throws Exception {
        HttpResponse<String> put = http.put(
                "/digitaltwins/" + id,
                "{\"$metadata\":{\"$model\":\"" + TestModels.ASSET + "\"},\"name\":\"n\",\"serial\":\"s-1\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    private static void putBox(String id, String tags) throws Exception {
        HttpResponse<String> put = http.put(
                "/digitaltwins/" + id,
                "{\"$metadata\":{\"$model\":\"dtmi:size:Box;1\"},\"tags\":" + tags + ",\"part\":{\"$metadata\":{}}}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    /** A map of {@code count} entries of 1,000 characters each: about {@code count} KB of JSON. */
    private static String tags(String prefix, int count) {
        StringBuilder map = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            map.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(prefix)
                    .append(i)
                    .append("\":\"")
                    .append("v".repeat(1000))
                    .append('"');
        }
        return map.append('}').toString();
    }

    /** A JSON Patch adding {@code count} entries of 1,000 characters to a map: under 32 KB itself. */
    private static String addEntries(String mapPath, int count) {
        StringBuilder patch = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            patch.append(i == 0 ? "" : ",")
                    .append("{\"op\":\"add\",\"path\":\"")
                    .append(mapPath)
                    .append("/added")
                    .append(i)
                    .append("\",\"value\":\"")
                    .append("v".repeat(1000))
                    .append("\"}");
        }
        return patch.append(']').toString();
    }

    private static void assertRefusedForSize(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("InvalidArgument");
        assertThat(error.get("message").asText()).contains("32768");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
