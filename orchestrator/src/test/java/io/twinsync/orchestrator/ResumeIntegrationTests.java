package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.TwinsyncProcesses.Result;
import io.twinsync.orchestrator.TwinsyncProcesses.StandaloneEmulator;
import io.twinsync.orchestrator.job.SyncJobConfiguration;
import io.twinsync.testsupport.PostgresTestSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch whose JVM is killed (SIGKILL) inside a step, then resumed with {@code run --resume} by a new process: the
 * packaged CLI and a standalone emulator, each in its own process, as a user runs them. The graph must end exactly as
 * a clean first load of the same source leaves it, and what completed before the kill is not done again.
 */
class ResumeIntegrationTests {

    @TempDir
    Path dir;

    /**
     * What an uninterrupted single writer ({@code --partitions 1}) makes of the sample ERP in an empty target: every
     * test's home holds the same sample (it is seeded from one script), so one reference serves the class.
     */
    private static GraphDump uninterrupted;

    @BeforeAll
    static void writeTheSampleOnceWithOneWriter(@TempDir Path scratch) throws Exception {
        uninterrupted = TwinsyncProcesses.singleWriterFirstLoad(scratch);
    }

    @Test
    void aBatchKilledInTheWriteStepResumesWithoutReadingTheSourceAgainAndEndsAsAnUninterruptedRun() throws Exception {
        killInTheWriteStepAndResume(Map.of(), this::h2StepStatuses);
    }

    @Test
    void theSameOnAJobRepositoryInPostgreSql() throws Exception {
        try (PostgresTestSchema jobs = PostgresTestSchema.create("twinsync_jobs_")) {
            Map<String, String> settings =
                    Map.of("TWINSYNC_JOBS_URL", jobs.url(), "TWINSYNC_JOBS_USERNAME", PostgresTestSchema.USER);
            killInTheWriteStepAndResume(settings, (home, batch) -> stepStatuses(jobs.connection(), batch));
        }
    }

    /** Reads how a batch's steps stand in the job repository. */
    @FunctionalInterface
    private interface StepStatuses {
        Map<String, String> of(Path home, String batch) throws Exception;
    }

    private void killInTheWriteStepAndResume(Map<String, String> jobs, StepStatuses steps) throws Exception {
        Path home = dir.resolve("home");
        TwinsyncProcesses.run(home, Map.of(), "sample-erp", "sql", "SELECT 1");
        // Latency stretches the write over seconds, so that the kill lands inside it.
        try (StandaloneEmulator adt = new StandaloneEmulator(
                        dir.resolve("adt"), TwinsyncProcesses.freePort(), "--latency", "100ms..200ms")
                .start()) {
            // given a run killed while its partitions write
            Map<String, String> settings = new HashMap<>(adt.target());
            settings.putAll(jobs);
            String batch = runKilledAfter(home, settings, "Writing partition", Duration.ofMillis(1500));
            GraphDump partial = GraphDump.of(adt.endpoint(), adt.certificate());
            assertThat(partial.twins().size() + partial.relationships().size())
                    .as("the kill landed inside the write step")
                    .isLessThan(uninterrupted.twins().size()
                            + uninterrupted.relationships().size());
            assertThat(steps.of(home, batch)).containsEntry("extract", "COMPLETED");

            // and a source that changed since the batch was extracted
            TwinsyncProcesses.sql(
                    TwinsyncProcesses.sampleErpUrl(home),
                    "UPDATE Equipment SET Name = 'renamed after the kill', ModifiedAt = CURRENT_TIMESTAMP"
                            + " WHERE EquipmentId = 1");

            // when the batch is resumed
            Result resumed = TwinsyncProcesses.run(home, settings, "run", "--resume");

            // then it continues the same batch from the write step, without reading the source again
            TwinsyncProcesses.assertOk(resumed);
            assertThat(resumed.output())
                    .contains("twinsync run --resume: batch " + batch)
                    .contains("was interrupted in the write step");
            assertThat(GraphDump.of(adt.endpoint(), adt.certificate())).isEqualTo(uninterrupted);
            assertThat(steps.of(home, batch))
                    .containsEntry("extract", "COMPLETED")
                    .containsEntry(SyncJobConfiguration.WRITE_TWINS_STEP, "COMPLETED")
                    .containsEntry(SyncJobConfiguration.WRITE_RELATIONSHIPS_STEP, "COMPLETED")
                    .containsEntry("record", "COMPLETED");

            // and a completed batch is not resumed again; the next run reads what changed meanwhile
            Result again = TwinsyncProcesses.run(home, settings, "run", "--resume");
            assertThat(again.code()).as(again.output()).isZero();
            assertThat(again.output()).contains(batch + ", completed: nothing to resume");
            Result next = TwinsyncProcesses.run(home, settings, "run");
            TwinsyncProcesses.assertOk(next);
            assertThat(next.output()).containsPattern("twins +0 created, 1 patched");
        }
    }

    @Test
    void aBatchKilledInTheExtractStepResumesFromTheExtractAndEndsAsAnUninterruptedRun() throws Exception {
        Path home = dir.resolve("home");
        TwinsyncProcesses.run(home, Map.of(), "sample-erp", "sql", "SELECT 1");
        // A source that takes seconds to read (20 ms per equipment row, 300 rows), so that the kill lands in the
        // extract.
        TwinsyncProcesses.sql(
                TwinsyncProcesses.sampleErpUrl(home),
                "CREATE ALIAS SLEEP_MS FOR 'java.lang.Thread.sleep(long)'",
                "ALTER TABLE Equipment RENAME TO EquipmentRows",
                "CREATE VIEW Equipment AS SELECT * FROM EquipmentRows WHERE SLEEP_MS(20) IS NULL");
        try (StandaloneEmulator adt =
                new StandaloneEmulator(dir.resolve("adt"), TwinsyncProcesses.freePort()).start()) {
            // (named as a source of one's own: the embedded sample's check wants tables, not a view)
            Map<String, String> settings = new HashMap<>(adt.target());
            settings.put("TWINSYNC_SOURCE_URL", TwinsyncProcesses.sampleErpUrl(home));

            // given a run killed while it reads the source: equipment, the last of five entities
            String batch = runKilledAfter(home, settings, "rows of production-line", Duration.ofMillis(500));
            assertThat(GraphDump.of(adt.endpoint(), adt.certificate()).twins())
                    .as("the kill landed before the write")
                    .isEmpty();
            assertThat(h2StepStatuses(home, batch)).containsEntry("extract", "STARTED");

            // when the batch is resumed
            Map<String, String> logged = new HashMap<>(settings);
            logged.put("TWINSYNC_LOG_LEVEL", "INFO");
            Result resumed = TwinsyncProcesses.run(home, logged, "run", "--resume");

            // then the extract goes on from the entity it was reading: the four staged whole are not read again
            // (their progress is in the step's context), and the graph is what an uninterrupted run makes
            TwinsyncProcesses.assertOk(resumed);
            // (what the batch logged: the preflight reads a sample row of each entity before it)
            String batchOutput = resumed.output().substring(resumed.output().indexOf("twinsync run --resume: batch"));
            assertThat(batchOutput)
                    .contains("was interrupted in the extract step")
                    .contains("the extract resumes; 4 of 5 entities were staged by an earlier attempt")
                    .contains("Entity site: its 3 rows were extracted by an earlier attempt")
                    .doesNotContain("rows of site (")
                    .contains("Extracted 300 rows of equipment");
            assertThat(GraphDump.of(adt.endpoint(), adt.certificate())).isEqualTo(uninterrupted);
        }
    }

    @Test
    void aWriteInFourPartitionsEndsInTheSameGraphAsOneWriter() throws Exception {
        Path home = dir.resolve("home");
        TwinsyncProcesses.run(home, Map.of(), "sample-erp", "sql", "SELECT 1");
        try (StandaloneEmulator adt =
                new StandaloneEmulator(dir.resolve("adt"), TwinsyncProcesses.freePort(), "--limits", "off").start()) {
            TwinsyncProcesses.assertOk(TwinsyncProcesses.run(home, adt.target(), "run", "--partitions", "4"));

            assertThat(GraphDump.of(adt.endpoint(), adt.certificate())).isEqualTo(uninterrupted);
        }
    }

    /** Starts {@code run}, waits for a log line, waits {@code after} more and kills the JVM; returns the batch id. */
    private static String runKilledAfter(Path home, Map<String, String> target, String line, Duration after)
            throws Exception {
        Map<String, String> environment = new HashMap<>(target);
        environment.put("TWINSYNC_LOG_LEVEL", "INFO");
        Process run = TwinsyncProcesses.start(home, environment, List.of("run"));
        BufferedReader output = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String batch = null;
        for (String text = output.readLine(); text != null; text = output.readLine()) {
            seen.add(text);
            if (text.startsWith("twinsync run: batch ")) {
                batch = text.substring("twinsync run: batch ".length()).strip();
            }
            // (the batch's own lines: the preflight's sample read comes before the batch and logs alike)
            if (batch != null && text.contains(line)) {
                Thread.sleep(after.toMillis());
                break;
            }
        }
        assertThat(run.isAlive())
                .as("the run was still running when killed:\n%s", String.join("\n", seen))
                .isTrue();
        run.toHandle().destroyForcibly();
        assertThat(run.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(batch).as(String.join("\n", seen)).isNotNull();
        return batch;
    }

    /** The batch's step executions in the home's H2 job repository, by step name. */
    private Map<String, String> h2StepStatuses(Path home, String batch) throws Exception {
        String url = "jdbc:h2:file:" + home.resolve("jobs").resolve("jobs") + ";AUTO_SERVER=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            return stepStatuses(connection, batch);
        }
    }

    /** The batch's step executions in a job repository, by step name; the latest attempt of each step wins. */
    private static Map<String, String> stepStatuses(Connection connection, String batch) throws Exception {
        Map<String, String> statuses = new HashMap<>();
        try (Statement sql = connection.createStatement();
                ResultSet steps = sql.executeQuery("SELECT s.STEP_NAME, s.STATUS FROM BATCH_STEP_EXECUTION s"
                        + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID"
                        + " WHERE p.PARAMETER_NAME = 'batchId' AND p.PARAMETER_VALUE = '" + batch + "'"
                        + " ORDER BY s.STEP_EXECUTION_ID")) {
            while (steps.next()) {
                statuses.put(steps.getString(1), steps.getString(2));
            }
        }
        return statuses;
    }
}
