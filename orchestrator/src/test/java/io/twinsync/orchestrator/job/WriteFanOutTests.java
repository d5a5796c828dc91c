package io.twinsync.orchestrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link WriteFanOut} with Spring Batch's own splitter and the JDBC job repository, around a stand-in partition step:
 * every partition runs at once on its own thread, and a restarted job runs only the partitions that did not complete.
 */
@SpringBootTest
class WriteFanOutTests {

    static final Path home = newHome();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
    }

    @Autowired
    JobRepository jobs;

    @Autowired
    JobOperator operator;

    @Autowired
    SharedWrites shared;

    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Map<String, String> threads = new ConcurrentHashMap<>();

    @Test
    void aRestartedWriteRunsOnlyThePartitionsThatDidNotCompleteEachOnItsOwnThread() throws Exception {
        // given a job whose partition 2 of 3 fails the first time
        Job job = jobWithPartitionThatFailsOnce("part-2-of-3");
        JobExecution first = operator.start(job, parameters("fan-out-restart"));
        assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(runs.keySet()).containsExactlyInAnyOrder("part-1-of-3", "part-2-of-3", "part-3-of-3");
        assertThat(threads.values()).hasSize(3).doesNotHaveDuplicates();

        // when it is restarted (started again with the same batch: the test job is in no registry)
        JobExecution second = operator.start(job, parameters("fan-out-restart"));

        // then only the failed partition ran again, and the job completed
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(runs.get("part-1-of-3")).hasValue(1);
        assertThat(runs.get("part-2-of-3")).hasValue(2);
        assertThat(runs.get("part-3-of-3")).hasValue(1);
    }

    @Test
    void aBatchThatWritesNothingRunsNoPartition() throws Exception {
        Job job = jobWithPartitionThatFailsOnce("none");
        JobExecution execution = operator.start(
                job,
                new JobParametersBuilder(parameters("fan-out-no-write"))
                        .addString(SyncJobConfiguration.NO_WRITE, "true", false)
                        .toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(runs).isEmpty();
    }

    private Job jobWithPartitionThatFailsOnce(String failing) {
        Step partition = new StepBuilder("testPartition", jobs)
                .tasklet((contribution, chunk) -> {
                    String name = WritePartitions.partitionOf(
                                    contribution.getStepExecution().getExecutionContext())
                            .fileName();
                    int run =
                            runs.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                    threads.put(name + "#" + run, Thread.currentThread().getName());
                    if (name.equals(failing) && run == 1) {
                        throw new IllegalStateException("partition " + name + " fails its first run");
                    }
                    return RepeatStatus.FINISHED;
                })
                .build();
        Step write = new StepBuilder("testWrite", jobs)
                .partitioner("testPartition", WritePartitions::of)
                .partitionHandler(new WriteFanOut(partition, shared))
                .build();
        return new JobBuilder("fanOutTest", jobs).start(write).build();
    }

    private static JobParameters parameters(String id) {
        return new JobParametersBuilder()
                .addString(SyncJobConfiguration.BATCH_ID, id)
                .addString(SyncJobConfiguration.PARTITIONS, "3", false)
                .toJobParameters();
    }

    private static Path newHome() {
        try {
            return Files.createTempDirectory(Path.of("target"), "write-fan-out-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
