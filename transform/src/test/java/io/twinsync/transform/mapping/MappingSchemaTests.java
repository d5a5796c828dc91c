package io.twinsync.transform.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The JSON Schema of the mapping format agrees with what {@link MappingLoader} accepts. */
class MappingSchemaTests {

    private static final String SCHEMA = "/io/twinsync/transform/mapping.schema.json";
    private static final String SAMPLE = "/io/twinsync/sample/twins/mapping.yaml";
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where each object kind of {@link MappingLoader#acceptedKeys()} is described in the schema. */
    private static final Map<String, String> SCHEMA_OBJECTS = Map.ofEntries(
            Map.entry("", ""),
            Map.entry("ids", "/$defs/ids"),
            Map.entry("entities[]", "/$defs/entity"),
            Map.entry("entities[].source", "/$defs/source"),
            Map.entry("entities[].twin", "/$defs/twin"),
            Map.entry("entities[].twin.id", "/$defs/idTemplateLong"),
            Map.entry("entities[].twin.properties.*", "/$defs/twinPropertyLong"),
            Map.entry("entities[].twin.deleted", "/$defs/deleted"),
            Map.entry("entities[].relationships[]", "/$defs/relationship"),
            Map.entry("entities[].relationships[].target", "/$defs/idTemplateLong"),
            Map.entry("entities[].relationships[].id", "/$defs/idTemplateLong"),
            Map.entry("entities[].relationships[].properties.*", "/$defs/relationshipPropertyLong"),
            Map.entry("entities[].relationship", "/$defs/link"),
            Map.entry("entities[].relationship.source", "/$defs/idTemplateLong"),
            Map.entry("entities[].relationship.target", "/$defs/idTemplateLong"),
            Map.entry("entities[].relationship.id", "/$defs/idTemplateLong"),
            Map.entry("entities[].relationship.properties.*", "/$defs/relationshipPropertyLong"),
            Map.entry("entities[].relationship.deleted", "/$defs/link/properties/deleted"));

    @Test
    void sampleMappingIsValid() {
        // given the sample mapping
        JsonNode sample = read(YAML, SAMPLE);

        // when validated against the schema
        Set<ValidationMessage> messages = schema().validate(sample);

        // then nothing is wrong
        assertThat(messages).isEmpty();
    }

    @Test
    void unknownKeyIsRefused() {
        // given the sample mapping with a misspelt key in a twin
        ObjectNode mapping = (ObjectNode) read(YAML, SAMPLE);
        ((ObjectNode) mapping.get("entities").get(0).get("twin")).put("modle", "dtmi:x;1");

        // when validated
        Set<ValidationMessage> messages = schema().validate(mapping);

        // then the key is named
        assertThat(messages).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("modle"));
    }

    @Test
    void missingTwinModelIsRefused() {
        // given the sample mapping with a twin that has no model
        ObjectNode mapping = (ObjectNode) read(YAML, SAMPLE);
        ((ObjectNode) mapping.get("entities").get(0).get("twin")).remove("model");

        // when validated
        Set<ValidationMessage> messages = schema().validate(mapping);

        // then the missing key is named
        assertThat(messages).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("model"));
    }

    @Test
    void sourceWithBothQueryAndTableIsRefused() {
        // given a source with a query and a table
        ObjectNode mapping = (ObjectNode) read(YAML, SAMPLE);
        ((ObjectNode) mapping.get("entities").get(0).get("source")).put("table", "CostCenter");

        // when validated
        Set<ValidationMessage> messages = schema().validate(mapping);

        // then it is refused
        assertThat(messages).isNotEmpty();
    }

    @Test
    void longFormPropertyAndDeletionFlagAreAccepted() {
        // given the sample mapping with a property in the long form and a deletion flag
        ObjectNode mapping = (ObjectNode) read(YAML, SAMPLE);
        ObjectNode twin = (ObjectNode) mapping.get("entities").get(0).get("twin");
        twin.put("nulls", "keep");
        ((ObjectNode) twin.get("properties"))
                .putObject("name")
                .put("column", "Name")
                .put("nulls", "remove");
        twin.putObject("deleted")
                .put("column", "IsDeleted")
                .putArray("when")
                .add(true)
                .add(1)
                .add("Y");

        // when validated
        Set<ValidationMessage> messages = schema().validate(mapping);

        // then nothing is wrong
        assertThat(messages).isEmpty();
    }

    @Test
    void aLinkEntityIsAcceptedAndOneWithATwinTooIsRefused() throws Exception {
        // given the sample mapping with a link entity added
        ObjectNode mapping = (ObjectNode) read(YAML, SAMPLE);
        ObjectNode link = (ObjectNode)
                YAML.readTree(
                        """
                name: asset-tag
                source: { table: asset_tag, key: [asset_id, tag_id], watermark: changed_at }
                relationship:
                  name: taggedWith
                  sourceEntity: equipment
                  source: { template: "asset-{asset_tag}", trim: true }
                  target: "tag-{tag_code}"
                  stale: remove
                  properties: { since: since, role: { column: role } }
                  deleted: { column: removed, when: [1] }
                """);
        ((com.fasterxml.jackson.databind.node.ArrayNode) mapping.get("entities")).add(link);

        // when validated, then nothing is wrong with it
        assertThat(schema().validate(mapping)).isEmpty();

        // and given it a twin as well, then it is refused
        link.set("twin", mapping.get("entities").get(0).get("twin"));
        assertThat(schema().validate(mapping)).isNotEmpty();
    }

    @Test
    void unknownNullHandlingIsRefused() {
        // given a property with nulls: drop
        ObjectNode mapping = (ObjectNode) read(YAML, SAMPLE);
        ObjectNode twin = (ObjectNode) mapping.get("entities").get(0).get("twin");
        ((ObjectNode) twin.get("properties"))
                .putObject("name")
                .put("column", "Name")
                .put("nulls", "drop");

        // when validated
        Set<ValidationMessage> messages = schema().validate(mapping);

        // then it is refused
        assertThat(messages).isNotEmpty();
    }

    @Test
    void everyValueSourceAndIdNormalisationAreAccepted() {
        // given the sample mapping with a template, a constant and an expression, and id normalisation
        ObjectNode mapping = (ObjectNode) read(YAML, SAMPLE);
        mapping.putObject("ids").put("trim", true).put("case", "lower");
        ObjectNode twin = (ObjectNode) mapping.get("entities").get(0).get("twin");
        ObjectNode properties = (ObjectNode) twin.get("properties");
        properties.putObject("name").put("template", "{Code} {Name}");
        properties.putObject("code").put("value", "x").put("nulls", "remove");
        properties.putObject("budget").put("expression", "#Budget * 2");
        twin.putObject("id").put("template", "cc-{Code}").put("case", "keep").put("invalid", "replace");
        ObjectNode relationship =
                (ObjectNode) mapping.get("entities").get(0).get("relationships").get(0);
        relationship.putObject("target").put("template", "cc-{ParentCode}").put("trim", true);
        relationship.putObject("properties").putObject("since").put("value", 1);

        // when validated
        Set<ValidationMessage> messages = schema().validate(mapping);

        // then nothing is wrong
        assertThat(messages).isEmpty();
    }

    @Test
    void propertyWithTwoSourcesIsRefused() {
        // given a property with a column and an expression
        ObjectNode mapping = (ObjectNode) read(YAML, SAMPLE);
        ObjectNode twin = (ObjectNode) mapping.get("entities").get(0).get("twin");
        ((ObjectNode) twin.get("properties"))
                .putObject("name")
                .put("column", "Name")
                .put("expression", "#Name");

        // when validated
        Set<ValidationMessage> messages = schema().validate(mapping);

        // then it is refused
        assertThat(messages).isNotEmpty();
    }

    @Test
    void propertyPathWithAnEmptySegmentIsRefused() {
        // given a property path with two dots in a row
        ObjectNode mapping = (ObjectNode) read(YAML, SAMPLE);
        ObjectNode twin = (ObjectNode) mapping.get("entities").get(0).get("twin");
        ((ObjectNode) twin.get("properties")).put("location..latitude", "Latitude");

        // when validated
        Set<ValidationMessage> messages = schema().validate(mapping);

        // then it is refused
        assertThat(messages).isNotEmpty();
    }

    @Test
    void schemaListsExactlyTheKeysTheLoaderAccepts() {
        // given the schema and the loader's key sets
        JsonNode schema = read(JSON, SCHEMA);

        // when each object kind is compared, then the keys agree and unknown keys are refused
        MappingLoader.acceptedKeys().forEach((path, keys) -> {
            JsonNode object = schema.at(SCHEMA_OBJECTS.get(path));
            Set<String> described = new TreeSet<>();
            object.get("properties").fieldNames().forEachRemaining(described::add);
            assertThat(described).as("keys of %s", path).isEqualTo(new TreeSet<>(keys));
            assertThat(object.get("additionalProperties").asBoolean(true))
                    .as("additionalProperties of %s", path)
                    .isFalse();
        });
    }

    private static JsonSchema schema() {
        try (InputStream in = MappingSchemaTests.class.getResourceAsStream(SCHEMA)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = MappingSchemaTests.class.getResourceAsStream(resource)) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
