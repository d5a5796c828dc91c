package io.twinsync.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twin documents with components, Object fields, Map entries and JSON-text columns; removals as JSON Pointers. */
class NestedTwinTests {

    private static final String COLUMNS = "Id INTEGER, Code STRING, Serial STRING, Lat DECIMAL, Lon DECIMAL,"
            + " City STRING, Color STRING, Readings STRING, Tags STRING";

    private static final String PROPERTIES =
            """
            name: Code
            nameplate.serialNumber: { column: Serial, nulls: remove }
            location.latitude: Lat
            location.longitude: Lon
            location.address.city: City
            attributes.color: { column: Color, nulls: remove }
            readings: Readings
            tags: Tags
            """;

    @TempDir
    Path dir;

    Batch batch;

    @BeforeEach
    void newBatch() {
        batch = TestBatches.newBatch(dir.resolve("staging"));
    }

    @Test
    void buildsNestedObjectsAndCarriesEveryComponent() {
        // given a row for every kind of path
        Mapping mapping = PathMappings.load(dir, PROPERTIES);
        TestBatches.rows("gadget", "Id", COLUMNS)
                .row(
                        1L,
                        "G1",
                        "SN-1",
                        new BigDecimal("51.92"),
                        new BigDecimal("4.48"),
                        "Rotterdam",
                        "red",
                        "{\"inlet\": {\"value\": 20.5, \"unit\": \"Celsius\"}}",
                        "[\"b\", \"a\"]")
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the document nests every path, the component with its own $metadata, the array in order
        TwinFile file = TestBatches.twinFile(batch, "gadget-G1");
        assertThat(file.twin())
                .isEqualTo(
                        json(
                                """
                        {"$dtId": "gadget-G1", "$metadata": {"$model": "dtmi:test:Gadget;1"},
                         "nameplate": {"$metadata": {}, "serialNumber": "SN-1"},
                         "name": "G1",
                         "location": {"latitude": 51.92, "longitude": 4.48, "address": {"city": "Rotterdam"}},
                         "attributes": {"color": "red"},
                         "readings": {"inlet": {"value": 20.5, "unit": "C"}},
                         "tags": ["b", "a"]}
                        """));
        assertThat(file.removals()).isEmpty();
        // and only the Map given whole by one JSON column is marked whole; objects built from paths are not
        assertThat(file.wholeValues()).containsExactly("/readings");
    }

    @Test
    void componentIsCarriedEvenWhenNoneOfItsPropertiesHasAValue() {
        // given a row whose only component value is NULL
        Mapping mapping = PathMappings.load(dir, "name: Code\nnameplate.serialNumber: Serial");
        TestBatches.rows("gadget", "Id", "Id INTEGER, Code STRING, Serial STRING")
                .row(1L, "G1", null)
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the component is there, empty but for $metadata, as ADT needs at creation
        assertThat(TestBatches.twinFile(batch, "gadget-G1").twin().get("nameplate"))
                .isEqualTo(json("{\"$metadata\": {}}"));
    }

    @Test
    void nullsRemoveOnANestedPathGivesItsPointer() {
        // given NULLs for two paths marked remove and one that keeps
        Mapping mapping = PathMappings.load(dir, PROPERTIES);
        TestBatches.rows("gadget", "Id", COLUMNS)
                .row(1L, "G1", null, null, null, null, null, null, null)
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then only those paths are to be removed, as JSON Pointers; no empty objects are made for them
        TwinFile file = TestBatches.twinFile(batch, "gadget-G1");
        assertThat(file.removals()).containsExactly("/nameplate/serialNumber", "/attributes/color");
        assertThat(file.twin().has("location")).isFalse();
        assertThat(file.twin().has("attributes")).isFalse();
    }

    @Test
    void badLeafInAJsonColumnIsARejectNamingThePath() {
        // given a map of readings whose unit is no enum value
        Mapping mapping = PathMappings.load(dir, "readings: Readings");
        TestBatches.rows("gadget", "Id", "Id INTEGER, Code STRING, Readings STRING")
                .row(1L, "G1", "{\"inlet\": {\"unit\": \"Fahrenheit\"}}")
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then the row is rejected naming the path inside the value
        JsonNode reject = TestBatches.rejects(batch).get(0);
        assertThat(reject.get("code").asText()).isEqualTo("UNCONVERTIBLE_VALUE");
        assertThat(reject.get("field").asText()).isEqualTo("readings.inlet.unit");
        assertThat(reject.get("reason").asText()).contains("Column Readings", "none of the enum's names");
        assertThat(TestBatches.twinFiles(batch)).isEmpty();
    }

    @Test
    void unknownFieldInAJsonObjectIsARejectNamingThePath() {
        // given a whole location with a field the Object does not have
        Mapping mapping = PathMappings.load(dir, "location: Location");
        TestBatches.rows("gadget", "Id", "Id INTEGER, Code STRING, Location STRING")
                .row(1L, "G1", "{\"latitude\": 1, \"altitude\": 2}")
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then
        JsonNode reject = TestBatches.rejects(batch).get(0);
        assertThat(reject.get("field").asText()).isEqualTo("location.altitude");
        assertThat(reject.get("reason").asText()).contains("no field 'altitude'");
    }

    @Test
    void structuredValueFromANonTextColumnIsAMappingError() {
        // given a whole location mapped from an integer column
        Mapping mapping = PathMappings.load(dir, "location: Location");
        TestBatches.rows("gadget", "Id", "Id INTEGER, Code STRING, Location INTEGER")
                .row(1L, "G1", 5L)
                .stageInto(batch);

        // when transformed, then it fails before any row, naming the path, the column and the schema
        assertThatThrownBy(() -> new TwinTransformer(mapping).transform(batch))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("twin.properties.location")
                .hasMessageContaining("column 'Location' is INTEGER, which cannot become Object");
    }

    private static JsonNode json(String text) {
        try {
            return StagingJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
