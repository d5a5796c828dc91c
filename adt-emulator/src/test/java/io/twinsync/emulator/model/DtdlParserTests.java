package io.twinsync.emulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsync.emulator.error.AdtException;
import org.junit.jupiter.api.Test;

class DtdlParserTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsContentsWhoseTypeIsAnArrayAndExtendsGivenAsAString() throws Exception {
        // given
        JsonNode model = JSON.readTree(
                """
                {"@id": "dtmi:x:Sensor;1", "@type": "Interface", "@context": "dtmi:dtdl:context;2",
                 "extends": "dtmi:x:Base;1",
                 "contents": [
                   {"@type": ["Property", "Temperature"], "name": "setpoint", "schema": "double", "unit": "degreeCelsius"},
                   {"@type": "Relationship", "name": "feeds", "target": "dtmi:x:Pump;1",
                    "properties": [{"@type": "Property", "name": "since", "schema": "date"}]},
                   {"@type": "Component", "name": "power", "schema": "dtmi:x:Power;1"},
                   {"@type": "Telemetry", "name": "temperature", "schema": "double"},
                   {"@type": "Command", "name": "reboot"}
                 ]}
                """);

        // when
        DtdlInterface parsed = DtdlParser.parse(model);

        // then
        assertThat(parsed.dtdlVersion()).isEqualTo(2);
        assertThat(parsed.extendsIds()).containsExactly("dtmi:x:Base;1");
        assertThat(parsed.properties().get("setpoint").schema()).isEqualTo(new Schema.Primitive(PrimitiveType.DOUBLE));
        assertThat(parsed.relationships().get("feeds").target()).contains("dtmi:x:Pump;1");
        assertThat(parsed.relationships().get("feeds").properties()).containsKey("since");
        assertThat(parsed.components().get("power").interfaceId()).isEqualTo("dtmi:x:Power;1");
        assertThat(parsed.otherContentNames()).containsExactlyInAnyOrder("temperature", "reboot");
        assertThat(parsed.interfaceReferences())
                .containsExactlyInAnyOrder("dtmi:x:Base;1", "dtmi:x:Pump;1", "dtmi:x:Power;1");
    }

    @Test
    void readsInlineArrayAndNestedObjectSchemas() throws Exception {
        // given
        JsonNode model = JSON.readTree(
                """
                {"@id": "dtmi:x:Thing;1", "@type": "Interface", "@context": ["dtmi:dtdl:context;3"],
                 "contents": [{"@type": "Property", "name": "points", "schema": {"@type": "Array",
                   "elementSchema": {"@type": "Object", "fields": [{"name": "x", "schema": "long"}]}}}]}
                """);

        // when
        Schema schema = DtdlParser.parse(model).properties().get("points").schema();

        // then
        assertThat(schema).isInstanceOf(Schema.ArrayOf.class);
        assertThat(((Schema.ArrayOf) schema).elementSchema()).isInstanceOf(Schema.ObjectOf.class);
    }

    @Test
    void refusesDuplicateContentNames() throws Exception {
        JsonNode model = JSON.readTree(
                """
                {"@id": "dtmi:x:Dup;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
                 "contents": [{"@type": "Property", "name": "a", "schema": "string"},
                              {"@type": "Telemetry", "name": "a", "schema": "string"}]}
                """);
        assertThatThrownBy(() -> DtdlParser.parse(model))
                .isInstanceOf(AdtException.class)
                .hasMessageContaining("'a' more than once");
    }

    @Test
    void refusesAnUnknownDtdlVersion() throws Exception {
        JsonNode model = JSON.readTree(
                """
                {"@id": "dtmi:x:Old;1", "@type": "Interface", "@context": "dtmi:dtdl:context;1"}
                """);
        assertThatThrownBy(() -> DtdlParser.parse(model)).hasMessageContaining("@context");
    }
}
