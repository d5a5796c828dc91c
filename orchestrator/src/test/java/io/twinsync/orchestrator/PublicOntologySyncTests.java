package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A user brings a public ontology nobody here wrote (RealEstateCore 3.3, DTDL v3, 767 interfaces, the folder as
 * published) and a database of their own, lists the whole folder in the mapping, validates, runs and looks at the
 * models through the CLI against the embedded emulator. The steps build on each other, so they run in order against
 * one home folder.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicOntologySyncTests {

    private static final String HVAC_PUMP = "dtmi:digitaltwins:rec_3_3:asset:HVACPump;1";

    static final Path home = RecHome.create("rec-");
    static final String sourceUrl = RecHome.createDatabase(home);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RecHome.register(registry, home, sourceUrl);
    }

    @Autowired
    TwinsyncCommandLine cli;

    @Test
    @Order(1)
    void validateOfAMappingListingTheWholeOntologyFolderFindsNoProblem() {
        // when
        CliRun validate = cli("validate");

        // then the models, the sampled rows and the models against the (empty) target are clean
        assertThat(validate.code()).as(validate.toString()).isZero();
        assertThat(validate.out())
                .contains("Models against")
                .contains("767 to upload")
                .contains("no problems");
    }

    @Test
    @Order(2)
    void aRunUploadsEveryModelOfTheOntologyAndCreatesTheTwinsAndRelationships() {
        // when
        CliRun run = cli("run");

        // then all 767 models went up (4 requests of at most 250), then the twins and the relationship whose
        // properties the ontology declares as one object
        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = CliRun.latestManifest(home);
        assertThat(manifest.write().twins().created()).isEqualTo(3);
        assertThat(manifest.write().relationships().created()).isEqualTo(2);
        JsonNode pump = twin("pump-P2");
        assertThat(pump.path("$metadata").path("$model").asText()).isEqualTo(HVAC_PUMP);
        assertThat(pump.path("name").asText()).isEqualTo("P2"); // inherited from core:Asset
        assertThat(pump.path("flowCapacity").asDouble()).isEqualTo(12.5); // declared by asset:Pump
    }

    @Test
    @Order(3)
    void afterTheRunTheTargetHoldsEveryLocalModelAsItIs() {
        // when
        CliRun diff = cli("models", "diff");
        CliRun list = cli("models", "list");

        // then
        assertThat(diff.code()).as(diff.toString()).isZero();
        assertThat(diff.out()).contains("to upload (0)").contains("differ (0)").contains("same (767)");
        assertThat(list.code()).isZero();
        assertThat(list.out()).startsWith("767 models in").contains(HVAC_PUMP);
    }

    private JsonNode twin(String id) {
        CliRun twin = cli("twin", id);
        assertThat(twin.code()).as(twin.toString()).isZero();
        try {
            return StagingJson.mapper().readTree(twin.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CliRun cli(String... args) {
        return CliRun.of(cli, args);
    }
}
