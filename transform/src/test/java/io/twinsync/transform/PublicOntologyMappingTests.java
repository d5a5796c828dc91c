package io.twinsync.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.testsupport.PublicOntology;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mapping that lists a whole public ontology (RealEstateCore 3.3, 767 interfaces) as a user brings it: a folder
 * copied next to the mapping file, named as a folder or a glob. The entity maps ERP pumps to REC's HVACPump, which
 * extends Pump (extends Component, extends Asset) and HVACEquipment (extends Equipment, which declares {@code feeds}
 * with a single-object {@code properties}).
 */
class PublicOntologyMappingTests {

    private static final String HVAC_PUMP = "dtmi:digitaltwins:rec_3_3:asset:HVACPump;1";

    private static final String ENTITY =
            """
            entities:
              - name: pump
                source: { table: Pump, key: [Id] }
                twin:
                  model: "dtmi:digitaltwins:rec_3_3:asset:HVACPump;1"
                  id: "pump-{Tag}"
                  properties:
                    name: Name
                    flowCapacity: Flow
                relationships:
                  - name: feeds
                    target: "pump-{Feeds}"
                    properties:
                      substance: Substance
            """;

    @TempDir
    Path dir;

    @Test
    void aMappingListingTheOntologyFolderReadsEveryInterfaceAndMapsARecModel() {
        // given REC 3.3 (DTDL v3) in a folder beside the mapping, listed as that folder
        Mapping mapping = load(PublicOntology.REC_V3, "models: [ontology]\n");

        // then every interface is read, none is missing
        assertThat(mapping.models().size()).isEqualTo(PublicOntology.REC_V3.interfaces());
        assertThat(mapping.missingModels()).isEmpty();

        // and a pump twin carries an inherited property and a relationship property from a single-object list
        assertPumpTransformed(mapping);
    }

    @Test
    void aGlobOverEveryFolderListsTheSameInterfaces() {
        // given the same ontology listed as a glob in which '**/' stands for any number of folders
        Mapping mapping = load(PublicOntology.REC_V3, "models: [\"ontology/**/*.json\"]\n");

        // then every interface is read, and the pump maps as before
        assertThat(mapping.models().size()).isEqualTo(PublicOntology.REC_V3.interfaces());
        assertPumpTransformed(mapping);
    }

    @Test
    void relationshipPropertiesGivenUnderTheirIriKeyAreRead() {
        // given REC 3.3 in DTDL v2, whose relationships give 'properties' under the IRI dtmi:dtdl:property:properties;2
        Mapping mapping = load(PublicOntology.REC_V2, "models: [ontology]\n");

        // then feeds has its property substance, and the pump maps exactly as with the v3 models
        assertThat(mapping.models()
                        .relationship(HVAC_PUMP, "feeds")
                        .orElseThrow()
                        .properties())
                .containsOnlyKeys("substance");
        assertPumpTransformed(mapping);
    }

    @Test
    void modelsJsonHoldsEveryListedInterfaceEachAfterWhatItExtendsAndUsesAsAComponent() {
        // given the whole v3 ontology listed, and a batch with one pump
        Mapping mapping = load(PublicOntology.REC_V3, "models: [ontology]\n");
        Batch batch = stagePump();

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then models.json holds all 767 interfaces, each after every interface it extends or uses as a component
        JsonNode models = TestBatches.json(batch, BatchLayout.MODELS);
        List<String> ids = new ArrayList<>();
        models.forEach(m -> ids.add(m.get("@id").asText()));
        assertThat(ids).hasSize(PublicOntology.REC_V3.interfaces()).doesNotHaveDuplicates();
        for (JsonNode model : models) {
            int at = ids.indexOf(model.get("@id").asText());
            for (String needed : dependencies(model)) {
                assertThat(ids.indexOf(needed))
                        .as("%s comes after %s", model.get("@id").asText(), needed)
                        .isBetween(0, at - 1);
            }
        }
        assertThat(ids.indexOf("dtmi:digitaltwins:rec_3_3:asset:Equipment;1")).isLessThan(ids.indexOf(HVAC_PUMP));
    }

    private Mapping load(PublicOntology ontology, String modelsYaml) {
        ontology.copyTo(dir.resolve("ontology"));
        try {
            return MappingLoader.load(Files.writeString(dir.resolve("mapping.yaml"), modelsYaml + ENTITY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Batch stagePump() {
        Batch batch = TestBatches.newBatch(dir.resolve("staging"));
        TestBatches.rows(
                        "pump",
                        "Id",
                        "Id INTEGER, Tag STRING, Name STRING, Flow DECIMAL, Feeds STRING, Substance STRING")
                .row(1L, "P-1", "Chilled water pump 1", new BigDecimal("12.5"), "P-2", "ChilledWater")
                .stageInto(batch);
        return batch;
    }

    private void assertPumpTransformed(Mapping mapping) {
        // when a pump row is transformed
        Batch batch = stagePump();
        new TwinTransformer(mapping).transform(batch);

        // then the twin has its REC model, 'name' (declared by core:Asset, four levels up) and 'flowCapacity' (Pump)
        TwinFile pump = TestBatches.twinFile(batch, "pump-P-1");
        assertThat(TestBatches.rejects(batch)).isEmpty();
        assertThat(pump.twin().path("$metadata").path("$model").asText()).isEqualTo(HVAC_PUMP);
        assertThat(pump.twin().path("name").asText()).isEqualTo("Chilled water pump 1");
        assertThat(pump.twin().path("flowCapacity").doubleValue()).isEqualTo(12.5);
        // and 'feeds' (declared by Equipment) carries its enum property
        ObjectNode feeds = pump.relationships().get(0);
        assertThat(feeds.path("$relationshipName").asText()).isEqualTo("feeds");
        assertThat(feeds.path("$targetId").asText()).isEqualTo("pump-P-2");
        assertThat(feeds.path("substance").asText()).isEqualTo("ChilledWater");
    }

    /** What a DTDL v3 document extends and uses as a component schema, by DTMI. */
    private static List<String> dependencies(JsonNode model) {
        List<String> ids = new ArrayList<>();
        JsonNode extendsNode = model.path("extends");
        if (extendsNode.isTextual()) {
            ids.add(extendsNode.asText());
        }
        extendsNode.forEach(e -> ids.add(e.asText()));
        for (JsonNode content : model.path("contents")) {
            if (content.path("@type").asText().equals("Component")) {
                ids.add(content.path("schema").asText());
            }
        }
        return ids;
    }
}
