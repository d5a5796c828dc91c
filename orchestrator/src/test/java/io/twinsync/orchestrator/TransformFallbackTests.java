package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.job.SyncJobConfiguration;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.BatchManifests;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Transform runs while extract is still reading; when that fails, the extract still stages every row and the
 * transform step transforms the staged files, so the failure is reported, in full, where it belongs. ('run' refuses
 * such a mapping before it creates a batch; the job keeps this fallback for whatever gets past that check.)
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
    JobOperator jobs;

    @Autowired
    Job syncJob;

    @Autowired
    StagingStore staging;

    @Test
    void aMappingThatDoesNotFitTheRowsFailsTheTransformStepListingEveryProblemWithTheRowsStaged() throws Exception {
        // when the sync job runs a batch whose mapping names columns two of the entities' rows do not have (started
        // as 'run' starts it, but without its pre-flight, which would refuse this mapping before any batch)
        BatchId id = BatchId.newId(Instant.now());
        Batch batch = staging.createBatch(id);
        BatchManifests.write(batch, BatchManifest.start(id.value(), Instant.now()));
        JobExecution execution = jobs.start(
                syncJob,
                new JobParametersBuilder()
                        .addString(SyncJobConfiguration.BATCH_ID, id.value())
                        .addString(SyncJobConfiguration.FULL_COMPARE, "false")
                        .addString(SyncJobConfiguration.NO_WRITE, "false")
                        .toJobParameters());

        // then the job fails in the transform step, naming both columns, and the extract step completed
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        Map<String, StepExecution> steps = new LinkedHashMap<>();
        execution.getStepExecutions().forEach(step -> steps.put(step.getStepName(), step));
        assertThat(steps.get("extract").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(steps.get("transform").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(steps.get("transform").getFailureExceptions())
                .singleElement()
                .extracting(Throwable::getMessage, InstanceOfAssertFactories.STRING)
                .contains("OdometerMiles")
                .contains("BadgeNumber");
        // and the extract staged every entity's rows whole, so the batch can be transformed again, with no twins
        BatchManifest manifest = BatchManifests.read(batch);
        assertThat(manifest.extract().rowsByEntity()).containsOnlyKeys("depot", "vehicle", "driver");
        assertThat(manifest.transform()).isNull();
        assertThat(batch.list(BatchLayout.ROWS)).hasSize(3);
        assertThat(batch.list(BatchLayout.TWINS)).isEmpty();
    }
}
