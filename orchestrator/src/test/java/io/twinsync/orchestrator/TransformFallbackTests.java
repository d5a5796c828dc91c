package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.manifest.BatchManifest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Transform runs while extract is still reading; when that fails, the extract still stages every row and the
 * transform step transforms the staged files, so the failure is reported, in full, where it belongs.
 */
@SpringBootTest
class TransformFallbackTests {

    // Two entities with mapping problems: the transform step lists both, which only reading the staged files can.
    static final Path home = FleetHome.create(
            "fleet-broken-", mapping -> mapping.replace("odometerKm: OdometerKm", "odometerKm: OdometerMiles")
                    .replace("badgeNo: BadgeNo", "badgeNo: BadgeNumber"));
    static final String sourceUrl = FleetHome.createDatabase(home);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        FleetHome.register(registry, home, sourceUrl);
    }

    @Autowired
    TwinsyncCommandLine cli;

    @Test
    void aMappingThatDoesNotFitTheRowsFailsTheTransformStepListingEveryProblemWithTheRowsStaged() {
        // when a run's mapping names columns two of the entities' rows do not have
        CliRun run = CliRun.of(cli, "run");

        // then the run fails in the transform step, naming both columns
        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.err())
                .contains("failed in the transform step")
                .contains("OdometerMiles")
                .contains("BadgeNumber")
                .doesNotContain("failed in the extract step");
        // and the extract staged every entity's rows whole, so the batch can be transformed again, with no twins
        BatchManifest manifest = CliRun.latestManifest(home);
        assertThat(manifest.extract().rowsByEntity()).containsOnlyKeys("depot", "vehicle", "driver");
        assertThat(manifest.transform()).isNull();
        StagingStore staging = new LocalStagingStore(home.resolve("staging"));
        var batch = staging.openBatch(staging.latestBatch().orElseThrow());
        assertThat(batch.list(BatchLayout.ROWS)).hasSize(3);
        assertThat(batch.list(BatchLayout.TWINS)).isEmpty();
    }
}
