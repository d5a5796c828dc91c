package io.twinsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JSON Patch paths below the top level, as the twin writer sends them: a component's property through the twin's
 * PATCH path, an Object's field, a Map's entry; and the refusals ADT gives for nested paths that do not fit.
 */
class NestedPatchTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAMEPLATE =
            """
            {"@id": "dtmi:nest:Nameplate;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
             "contents": [{"@type": "Property", "name": "serialNumber", "schema": "string"},
                          {"@type": "Property", "name": "notes", "schema": "string"}]}
            """;
    private static final String PUMP =
            """
            {"@id": "dtmi:nest:Pump;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
             "contents": [
               {"@type": "Component", "name": "nameplate", "schema": "dtmi:nest:Nameplate;1"},
               {"@type": "Property", "name": "location", "schema": {"@type": "Object", "fields": [
                 {"name": "latitude", "schema": "double"}, {"name": "longitude", "schema": "double"}]}},
               {"@type": "Property", "name": "attributes", "schema": {"@type": "Map",
                 "mapKey": {"name": "k", "schema": "string"}, "mapValue": {"name": "v", "schema": "string"}}}
             ]}
            """;

    private static AdtEmulator emulator;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        emulator = TestEmulators.start();
        SdkClients.sync(emulator).createModels(List.of(NAMEPLATE, PUMP));
        http = new RawHttp(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void nestedAddsAndRemovesChangeOnlyTheirLeaves() throws Exception {
        // given a pump whose component also holds notes someone else wrote
        putPump(
                "p1",
                "\"nameplate\":{\"$metadata\":{},\"serialNumber\":\"S-1\",\"notes\":\"keep me\"},"
                        + "\"location\":{\"latitude\":1.0,\"longitude\":2.0},\"attributes\":{\"size\":\"L\",\"old\":\"x\"}");

        // when leaves of the component, the Object and the Map are patched through the twin's PATCH path
        HttpResponse<String> patched = http.patch(
                "/digitaltwins/p1",
                """
                [{"op": "add", "path": "/nameplate/serialNumber", "value": "S-2"},
                 {"op": "add", "path": "/location/latitude", "value": 51.9},
                 {"op": "add", "path": "/attributes/color", "value": "red"},
                 {"op": "remove", "path": "/attributes/old"}]
                """);

        // then only those leaves changed
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
        JsonNode twin = JSON.readTree(http.get("/digitaltwins/p1").body());
        assertThat(twin.at("/nameplate/serialNumber").asText()).isEqualTo("S-2");
        assertThat(twin.at("/nameplate/notes").asText()).isEqualTo("keep me");
        assertThat(twin.at("/location/latitude").asDouble()).isEqualTo(51.9);
        assertThat(twin.at("/location/longitude").asDouble()).isEqualTo(2.0);
        assertThat(twin.get("attributes")).isEqualTo(JSON.readTree("{\"size\":\"L\",\"color\":\"red\"}"));
        assertThat(twin.at("/nameplate/$metadata/serialNumber/lastUpdateTime").isTextual())
                .isTrue();
    }

    @Test
    void addsAWholeObjectTheTwinLacksAndAMapKeyWithEscapedCharacters() throws Exception {
        // given a pump without location or attributes
        putPump("p2", "\"nameplate\":{\"$metadata\":{}}");

        // when
        HttpResponse<String> patched = http.patch(
                "/digitaltwins/p2",
                """
                [{"op": "add", "path": "/location", "value": {"latitude": 1.5}},
                 {"op": "add", "path": "/attributes", "value": {"a/b~c": "x"}},
                 {"op": "remove", "path": "/attributes/a~1b~0c"}]
                """);

        // then
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
        JsonNode twin = JSON.readTree(http.get("/digitaltwins/p2").body());
        assertThat(twin.get("location")).isEqualTo(JSON.readTree("{\"latitude\":1.5}"));
        assertThat(twin.get("attributes")).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void aFieldTheObjectDoesNotDeclareIsValidationFailed() throws Exception {
        // given
        putPump("p3", "\"nameplate\":{\"$metadata\":{}},\"location\":{\"latitude\":1.0}");

        // when
        HttpResponse<String> patched =
                http.patch("/digitaltwins/p3", "[{\"op\":\"add\",\"path\":\"/location/altitude\",\"value\":3}]");

        // then
        assertThat(patched.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(patched.body()).at("/error/code").asText()).isEqualTo("ValidationFailed");
        assertThat(patched.body()).contains("altitude");
    }

    @Test
    void aLeafUnderAnAbsentObjectIsJsonPatchInvalid() throws Exception {
        // given a pump without location
        putPump("p4", "\"nameplate\":{\"$metadata\":{}}");

        // when a leaf of location is added
        HttpResponse<String> patched =
                http.patch("/digitaltwins/p4", "[{\"op\":\"add\",\"path\":\"/location/latitude\",\"value\":3}]");

        // then, as in RFC 6902, the parent must exist
        assertThat(patched.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(patched.body()).at("/error/code").asText()).isEqualTo("JsonPatchInvalid");
    }

    private static void putPump(String id, String contents) throws Exception {
        HttpResponse<String> put =
                http.put("/digitaltwins/" + id, "{\"$metadata\":{\"$model\":\"dtmi:nest:Pump;1\"}," + contents + "}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }
}
