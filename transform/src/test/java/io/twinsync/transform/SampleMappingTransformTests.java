package io.twinsync.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample mapping (from sample-twins) over sample ERP rows staged by hand. */
class SampleMappingTransformTests {

    static final String SAMPLE_MAPPING = "io/twinsync/sample/twins/mapping.yaml";

    @TempDir
    Path staging;

    Batch batch;
    Mapping mapping;
    TransformSummary summary;

    @BeforeEach
    void transformSampleRows() {
        // given the sample mapping and a few rows of each sample entity
        mapping = MappingLoader.loadFromClasspath(SAMPLE_MAPPING);
        batch = TestBatches.newBatch(staging);
        SampleRows.stageInto(batch);

        // when they are transformed
        summary = new TwinTransformer(mapping).transform(batch);
    }

    @Test
    void everyRowBecomesOneTwinFileWithoutRejects() {
        // then each of the 13 rows has its twin file, and nothing was rejected
        assertThat(summary.rowsRead()).isEqualTo(13);
        assertThat(summary.twinFiles()).isEqualTo(13);
        assertThat(summary.rowsRejected()).isZero();
        assertThat(summary.rejectsByReason()).isEmpty();
        assertThat(TestBatches.rejects(batch)).isEmpty();
        assertThat(TestBatches.twinFiles(batch))
                .extracting(TwinFile::twinId)
                .containsExactlyInAnyOrder(
                        "cc-CC-100",
                        "cc-CC-110",
                        "cc-CC-330",
                        "site-NL-RTM",
                        "site-SE-GOT",
                        "building-RTM-B01",
                        "building-RTM-B03",
                        "line-RTM-L01",
                        "line-RTM-L03",
                        "asset-PMP-0001",
                        "asset-CMP-0001",
                        "asset-CNV-0001",
                        "asset-RBT-0001");
    }

    @Test
    void equipmentPropertiesAreTypedByTheModel() {
        // then equipment 1 is asset-PMP-0001 with values typed by Equipment and the Asset it extends
        TwinFile pump = TestBatches.twinFile(batch, "asset-PMP-0001");
        JsonNode twin = pump.twin();
        assertThat(pump.modelId()).isEqualTo("dtmi:twinsync:sample:Equipment;1");
        assertThat(twin.get("erpId").isIntegralNumber()).isTrue();
        assertThat(twin.get("erpId").asLong()).isEqualTo(1);
        assertThat(twin.get("status").asText()).isEqualTo("running");
        assertThat(twin.get("category").asText()).isEqualTo("pump");
        assertThat(twin.get("isCritical").isBoolean()).isTrue();
        assertThat(twin.get("ratedPowerKw").decimalValue()).isEqualByComparingTo("75.77");
        assertThat(twin.get("lastServiceAt").asText()).isEqualTo("2024-12-21T09:30:00Z");
        assertThat(pump.entity()).isEqualTo("equipment");
        assertThat(pump.sourceKey().get("EquipmentId").asLong()).isEqualTo(1);
    }

    @Test
    void equipmentGetsDerivedPropertiesFromATemplateAConstantAndAnExpression() {
        // then the label joins tag and name, the source system is the constant, and only line-less equipment is spare
        JsonNode pump = TestBatches.twinFile(batch, "asset-PMP-0001").twin();
        JsonNode spareConveyor = TestBatches.twinFile(batch, "asset-CNV-0001").twin();
        assertThat(pump.get("displayLabel").asText()).startsWith("PMP-0001 ");
        assertThat(pump.get("sourceSystem").asText()).isEqualTo("erp");
        assertThat(pump.get("isSpare").asBoolean()).isFalse();
        assertThat(spareConveyor.get("isSpare").asBoolean()).isTrue();
    }

    @Test
    void relationshipsCarryTypedPropertiesAndDeterministicIds() {
        // then the pump is installed on its line (with the installation date) and charged to its cost center
        List<ObjectNode> relationships =
                TestBatches.twinFile(batch, "asset-PMP-0001").relationships();
        assertThat(relationships).hasSize(2);
        ObjectNode installedOn = relationships.get(0);
        assertThat(installedOn.get("$relationshipId").asText()).isEqualTo("installedOn-line-RTM-L01");
        assertThat(installedOn.get("$targetId").asText()).isEqualTo("line-RTM-L01");
        assertThat(installedOn.get("$relationshipName").asText()).isEqualTo("installedOn");
        assertThat(installedOn.get("installedAt").asText()).isEqualTo("2020-02-05");
        assertThat(relationships.get(1).get("$targetId").asText()).isEqualTo("cc-CC-110");
    }

    @Test
    void nullForeignKeysLeaveOutTheRelationshipAndNullColumnsTheProperty() {
        // then the spare conveyor (no line) has only chargedTo, the robot (no cost center) only installedOn
        // without installedAt, and the root cost center has no reportsTo
        assertThat(TestBatches.twinFile(batch, "asset-CNV-0001").relationships())
                .extracting(r -> r.get("$relationshipName").asText())
                .containsExactly("chargedTo");
        List<ObjectNode> robot = TestBatches.twinFile(batch, "asset-RBT-0001").relationships();
        assertThat(robot).extracting(r -> r.get("$relationshipName").asText()).containsExactly("installedOn");
        assertThat(robot.get(0).has("installedAt")).isFalse();
        assertThat(TestBatches.twinFile(batch, "cc-CC-100").relationships()).isEmpty();
        assertThat(TestBatches.twinFile(batch, "asset-CMP-0001")
                        .twin()
                        .path("nameplate")
                        .has("serialNumber"))
                .isFalse();
    }

    @Test
    void summaryCountsRelationships() {
        // then: 2 cost centers report to a parent, 2 buildings, 2 lines, 3 installedOn and 3 chargedTo
        assertThat(summary.relationships()).isEqualTo(12);
        assertThat(summary.tombstones()).isZero();
    }

    @Test
    void modelsFileHoldsEveryInterfaceAfterWhatItExtends() {
        // then models.json is the mapping's eight interfaces, each after the ones it extends or uses as a component
        JsonNode models = TestBatches.json(batch, BatchLayout.MODELS);
        List<String> ids = new ArrayList<>();
        models.forEach(m -> ids.add(m.get("@id").asText()));
        assertThat(ids).hasSize(8);
        assertThat(ids.indexOf("dtmi:twinsync:sample:Space;1")).isLessThan(ids.indexOf("dtmi:twinsync:sample:Site;1"));
        assertThat(ids.indexOf("dtmi:twinsync:sample:Asset;1"))
                .isLessThan(ids.indexOf("dtmi:twinsync:sample:Equipment;1"));
        assertThat(ids.indexOf("dtmi:twinsync:sample:Nameplate;1"))
                .isLessThan(ids.indexOf("dtmi:twinsync:sample:Asset;1"));
        assertThat(models).containsExactlyElementsOf(mapping.models().documents());
    }
}
