package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.orchestrator.job.SyncJobConfiguration;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StateLock;
import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.writer.Partition;
import io.twinsync.writer.state.KnownStateStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The write's two partitioned steps, in process against the embedded emulator and the H2 job repository: a partition
 * whose twins fail keeps every partition's relationships (which may point at its twins) from being written, and
 * resuming the batch writes only what is missing, without reading the source again.
 */
@SpringBootTest
class PartitionedWriteTests {

    static final Path home = CliRun.newHome("partitioned-write-");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
    }

    @Autowired
    TwinsyncCommandLine cli;

    @Autowired
    StagingStore staging;

    @Autowired
    TwinGraphTarget target;

    @Autowired
    JobRepository jobs;

    @Test
    void aPartitionWhoseTwinsFailHoldsBackEveryRelationshipAndAResumeWritesOnlyWhatIsMissing() {
        // given a first load whose second partition cannot run: another writer holds its lock
        CliRun failed;
        try (StateLock held = new KnownStateStore(staging.state(), target.stateKey()).lock(new Partition(2, 2))) {
            failed = CliRun.of(cli, "run", "--partitions", "2");
        }

        // then partition 2's twins fail, partition 1's are written, and no relationship is: one may point at a twin
        // of partition 2, which does not exist yet; the run says how to go on
        assertThat(failed.code()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err())
                .contains("twinsync run failed in the write step (twins, partition 2/2): Another twinsync writer")
                .doesNotContain("partition 1/2")
                .contains("'twinsync run --resume' continues it");
        BatchId batch = staging.latestBatch().orElseThrow();
        JobInstance instance = jobs.getJobInstance(
                SyncJobConfiguration.JOB_NAME,
                new JobParametersBuilder()
                        .addString(SyncJobConfiguration.BATCH_ID, batch.value())
                        .toJobParameters());
        assertThat(jobs.getLastJobExecution(instance).getStatus()).isEqualTo(BatchStatus.FAILED);

        // when it is resumed with the lock gone
        CliRun resumed = CliRun.of(cli, "run", "--resume");

        // then the extract is not done again, nor are partition 1's twins; partition 2's twins and every partition's
        // relationships are written
        assertThat(resumed.code()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("failed in the write step (twins)").contains("result     OK");
        assertThat(stepRuns(instance, "extract")).isEqualTo(1);
        assertThat(stepRuns(instance, SyncJobConfiguration.WRITE_TWINS_PARTITION + ":part-1-of-2"))
                .isEqualTo(1);
        assertThat(stepRuns(instance, SyncJobConfiguration.WRITE_TWINS_PARTITION + ":part-2-of-2"))
                .isEqualTo(2);
        assertThat(stepRuns(instance, SyncJobConfiguration.WRITE_RELATIONSHIPS_PARTITION + ":part-1-of-2"))
                .isEqualTo(1);
        assertThat(stepRuns(instance, SyncJobConfiguration.WRITE_RELATIONSHIPS_PARTITION + ":part-2-of-2"))
                .isEqualTo(1);
        BatchManifest manifest = CliRun.latestManifest(home);
        assertThat(manifest.batchId()).isEqualTo(batch.value());
        // the batch's summary adds up both attempts: every twin created once
        assertThat(manifest.write().twins().created())
                .isEqualTo(manifest.transform().twinFiles());
        assertThat(manifest.write().twins().unchanged()
                        + manifest.write().twins().patched())
                .isZero();
        assertThat(manifest.write().relationships().created())
                .isEqualTo(manifest.transform().relationships());
        assertThat(manifest.write().twins().failed()
                        + manifest.write().relationships().failed())
                .isZero();

        // and the next run finds nothing to do: the state was committed once every partition was written
        CliRun next = CliRun.of(cli, "run");
        assertThat(next.code()).as(next.toString()).isZero();
        assertThat(CliRun.latestManifest(home).write().twins().created()).isZero();
    }

    private long stepRuns(JobInstance instance, String step) {
        try {
            return jobs.getStepExecutionCount(instance, step);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
