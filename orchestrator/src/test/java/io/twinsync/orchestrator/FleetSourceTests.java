package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.orchestrator.job.SyncJobConfiguration;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A second source, unrelated to the sample ERP, needs only configuration: a delivery fleet's database (depots,
 * vehicles, drivers, written for this test) with its own DTDL models and mapping file ({@code fleet/} test resources)
 * is synced through the CLI with nothing but settings. The steps build on each other, so they run in order against
 * one home folder.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetSourceTests {

    private static final int DEPOTS = 3;
    private static final int VEHICLES = 12;
    private static final int DRIVERS = 8;
    private static final int DRIVERS_WITH_A_VEHICLE = 6;

    // Created (and the database filled) before the Spring context starts, which needs both.
    static final Path home = FleetHome.create("fleet-", mapping -> mapping);
    static final String sourceUrl = FleetHome.createDatabase(home);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        FleetHome.register(registry, home, sourceUrl);
    }

    @Autowired
    TwinsyncCommandLine cli;

    @Autowired
    JobRepository jobs;

    @Test
    @Order(1)
    void aFirstRunCreatesEveryFleetTwinAndRelationship() {
        // when the fleet database is synced into an empty emulator
        CliRun run = cli("run");

        // then every row is a created twin, and every vehicle's depot and every assigned driver's vehicle a
        // relationship
        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = latestManifest();
        assertThat(manifest.extract().rowsByEntity())
                .containsEntry("depot", (long) DEPOTS)
                .containsEntry("vehicle", (long) VEHICLES)
                .containsEntry("driver", (long) DRIVERS);
        assertThat(manifest.transform().rowsRejected()).isZero();
        // the extract step transformed the rows as they were staged; the transform step had nothing left to do
        JobExecution job = jobs.getLastJobExecution(jobs.getLastJobInstance(SyncJobConfiguration.JOB_NAME));
        assertThat(job.getStepExecutions())
                .filteredOn(step -> step.getStepName().equals("transform"))
                .singleElement()
                .satisfies(step -> assertThat(step.getWriteCount()).isZero());
        assertThat(job.getExecutionContext().getString(SyncJobConfiguration.TRANSFORMED_WHILE_EXTRACTING))
                .isEqualTo(manifest.batchId());
        assertThat(manifest.write().twins().created()).isEqualTo(DEPOTS + VEHICLES + DRIVERS);
        assertThat(manifest.write().relationships().created()).isEqualTo(VEHICLES + DRIVERS_WITH_A_VEHICLE);
        assertThat(manifest.write().twins().failed()
                        + manifest.write().relationships().failed())
                .isZero();
    }

    @Test
    @Order(2)
    void aVehicleTwinHasItsColumnsAsTypedValues() throws Exception {
        // when a synced vehicle is read back from ADT
        CliRun twin = cli("twin", "vehicle-TR-101-A");

        // then each column has its model's type: enum value, number, boolean, date, dateTime (UTC)
        assertThat(twin.code()).as(twin.toString()).isZero();
        JsonNode json = StagingJson.mapper().readTree(twin.out());
        assertThat(json.path("$metadata").path("$model").asText()).isEqualTo("dtmi:example:fleet:Vehicle;1");
        assertThat(json.path("plate").asText()).isEqualTo("TR-101-A");
        assertThat(json.path("kind").asText()).as("the enum value for Truck").isEqualTo("truck");
        assertThat(json.path("odometerKm").isNumber())
                .as("DECIMAL(12,1) as a JSON number")
                .isTrue();
        assertThat(json.path("odometerKm").decimalValue()).isEqualByComparingTo("48213.5");
        assertThat(json.path("inService").isBoolean())
                .as("BIT as a JSON boolean")
                .isTrue();
        assertThat(json.path("inService").booleanValue()).isTrue();
        assertThat(json.path("lastInspection").asText()).isEqualTo("2026-03-14");
        assertThat(json.path("updatedAt").asText()).isEqualTo("2026-04-01T08:00:00Z");
    }

    @Test
    @Order(3)
    void aDepotTwinHasItsOpeningTimeAsATime() throws Exception {
        // when a depot from the table source is read back
        CliRun twin = cli("twin", "depot-HRBR");

        // then its TIME column is a DTDL time
        assertThat(twin.code()).as(twin.toString()).isZero();
        JsonNode json = StagingJson.mapper().readTree(twin.out());
        assertThat(json.path("name").asText()).isEqualTo("Harbour Depot");
        assertThat(json.path("city").asText()).isEqualTo("Rotterdam");
        assertThat(json.path("opensAt").asText()).isEqualTo("06:00:00");
    }

    @Test
    @Order(4)
    void aDriverDrivesTheAssignedVehicleSinceTheAssignmentDay() throws Exception {
        // when a driver with a vehicle is read back with its relationships
        CliRun twin = cli("twin", "driver-B-0001", "--relationships");

        // then it drives that vehicle, with the assignment date as the relationship's property
        assertThat(twin.code()).as(twin.toString()).isZero();
        JsonNode relationships = relationships(twin.out());
        assertThat(relationships).hasSize(1);
        JsonNode drives = relationships.get(0);
        assertThat(drives.path("$relationshipName").asText()).isEqualTo("drives");
        assertThat(drives.path("$sourceId").asText()).isEqualTo("driver-B-0001");
        assertThat(drives.path("$targetId").asText()).isEqualTo("vehicle-TR-101-A");
        assertThat(drives.path("since").asText()).isEqualTo("2025-06-01");
    }

    @Test
    @Order(5)
    void aVehicleIsBasedAtItsDepotAndADriverWithoutAVehicleHasNoRelationship() throws Exception {
        // when a vehicle and a driver without a vehicle are read back with their relationships
        CliRun vehicle = cli("twin", "vehicle-EB-301-C", "--relationships");
        CliRun driver = cli("twin", "driver-B-0007", "--relationships");

        // then the vehicle is based at its depot, and the driver's NULL vehicle means no relationship
        JsonNode basedAt = relationships(vehicle.out());
        assertThat(basedAt).hasSize(1);
        assertThat(basedAt.get(0).path("$relationshipName").asText()).isEqualTo("basedAt");
        assertThat(basedAt.get(0).path("$targetId").asText()).isEqualTo("depot-CNTR");
        assertThat(relationships(driver.out())).as("the twin only").isEmpty();
    }

    @Test
    @Order(6)
    void aSecondRunSendsNoTwinWrites() {
        // when the unchanged fleet is synced again
        CliRun run = cli("run");

        // then nothing is created or patched
        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = latestManifest();
        assertThat(manifest.write().twins().created()).isZero();
        assertThat(manifest.write().twins().patched()).isZero();
        assertThat(manifest.write().relationships().created()
                        + manifest.write().relationships().patched())
                .isZero();
        assertThat(manifest.write().twins().unchanged()).isEqualTo(DEPOTS + VEHICLES + DRIVERS);
    }

    /** The relationships of {@code twin --relationships}'s one document. */
    private static JsonNode relationships(String out) throws IOException {
        JsonNode document = StagingJson.mapper().readTree(out);
        assertThat(document.path("twin").isObject()).as(out).isTrue();
        return document.path("relationships");
    }

    private BatchManifest latestManifest() {
        return CliRun.latestManifest(home);
    }

    private CliRun cli(String... args) {
        return CliRun.of(cli, args);
    }
}
