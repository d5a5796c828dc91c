package io.twinsync.emulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The DTDL version of a model decides which schemas it may use: v3 added primitives and Arrays in Properties. */
class DtdlVersionSchemaTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "byte",
                "bytes",
                "decimal",
                "short",
                "unsignedByte",
                "unsignedShort",
                "unsignedInteger",
                "unsignedLong",
                "uuid"
            })
    void aV2ModelMayNotUseAPrimitiveSchemaNewInV3(String schema) throws Exception {
        // given
        JsonNode model = modelWithProperty("dtmi:dtdl:context;2", "\"" + schema + "\"");

        // when
        AdtException refused = catchThrowableOfType(AdtException.class, () -> DtdlParser.parse(model));

        // then
        assertThat(refused.error()).isEqualTo(AdtError.DTDL_PARSER_ERROR);
        assertThat(refused.getMessage()).contains("dtmi:x:Versioned;1", "reading", "'" + schema + "'", "v3");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "byte",
                "bytes",
                "decimal",
                "short",
                "unsignedByte",
                "unsignedShort",
                "unsignedInteger",
                "unsignedLong",
                "uuid"
            })
    void aV3ModelMayUseThePrimitiveSchemasNewInV3(String schema) throws Exception {
        // given
        JsonNode model = modelWithProperty("dtmi:dtdl:context;3", "\"" + schema + "\"");

        // when
        DtdlInterface parsed = DtdlParser.parse(model);

        // then
        assertThat(parsed.properties().get("reading").schema())
                .isEqualTo(
                        new Schema.Primitive(PrimitiveType.fromDtdlName(schema).orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"boolean", "date", "dateTime", "double", "duration", "float", "integer", "long", "string"})
    void aV2ModelMayUseTheV2PrimitiveSchemas(String schema) throws Exception {
        // given
        JsonNode model = modelWithProperty("dtmi:dtdl:context;2", "\"" + schema + "\"");

        // when
        DtdlInterface parsed = DtdlParser.parse(model);

        // then
        assertThat(parsed.properties()).containsKey("reading");
    }

    @Test
    void aV2ModelMayNotGiveAPropertyAnArraySchema() throws Exception {
        // given
        JsonNode model =
                modelWithProperty("dtmi:dtdl:context;2", "{\"@type\": \"Array\", \"elementSchema\": \"string\"}");

        // when
        AdtException refused = catchThrowableOfType(AdtException.class, () -> DtdlParser.parse(model));

        // then
        assertThat(refused.error()).isEqualTo(AdtError.DTDL_PARSER_ERROR);
        assertThat(refused.getMessage()).contains("dtmi:x:Versioned;1", "reading", "Array", "v2");
    }

    @Test
    void aV2ModelMayNotNestAnArrayInsideAPropertysObjectSchema() throws Exception {
        // given
        JsonNode model = modelWithProperty(
                "dtmi:dtdl:context;2",
                "{\"@type\": \"Object\", \"fields\": [{\"name\": \"list\", \"schema\": {\"@type\": \"Array\","
                        + " \"elementSchema\": \"string\"}}]}");

        // when
        AdtException refused = catchThrowableOfType(AdtException.class, () -> DtdlParser.parse(model));

        // then
        assertThat(refused.getMessage()).contains("dtmi:x:Versioned;1", "reading", "Array");
    }

    @Test
    void aV3ModelMayGiveAPropertyAnArraySchema() throws Exception {
        // given
        JsonNode model =
                modelWithProperty("dtmi:dtdl:context;3", "{\"@type\": \"Array\", \"elementSchema\": \"string\"}");

        // when
        DtdlInterface parsed = DtdlParser.parse(model);

        // then
        assertThat(parsed.properties().get("reading").schema())
                .isEqualTo(new Schema.ArrayOf(new Schema.Primitive(PrimitiveType.STRING)));
    }

    private static JsonNode modelWithProperty(String context, String schemaJson) throws Exception {
        return JSON.readTree("{\"@id\": \"dtmi:x:Versioned;1\", \"@type\": \"Interface\", \"@context\": \"" + context
                + "\", \"contents\": [{\"@type\": \"Property\", \"name\": \"reading\", \"schema\": " + schemaJson
                + "}]}");
    }
}
