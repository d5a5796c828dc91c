package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.TwinsyncProcesses.Result;
import io.twinsync.orchestrator.TwinsyncProcesses.StandaloneEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write's {@code processes} back-end through the packaged CLI, as a user runs it: each phase of each partition a
 * process of the twin-writer-task (from the task zip unpacked as a Batch node unpacks it, or from twinsync's own jar),
 * against a standalone emulator. The graph must end exactly as one writer in one process leaves it.
 */
class PartitionBackendsIntegrationTests {

    /** The task zip the twin-writer-task module builds (when its JDK has jmods for jlink). */
    private static final Path TASK_ZIP = Path.of("..", "twin-writer-task", "target", "twin-writer-task-linux-x64.zip")
            .toAbsolutePath()
            .normalize();

    @TempDir
    Path dir;

    private static GraphDump singleWriter;

    @BeforeAll
    static void writeTheSampleOnceWithOneWriter(@TempDir Path scratch) throws Exception {
        singleWriter = TwinsyncProcesses.singleWriterFirstLoad(scratch);
    }

    /**
     * From the task zip, as Batch runs it, when the build made one (a JDK with jmods); else from twinsync's jar, which
     * the next test always uses.
     */
    @Test
    void threePartitionsAsProcessesOfThePackagedTaskEndAsOneWriterAndTheNextRunSendsNoTwinRequest() throws Exception {
        Path home = dir.resolve("home");
        TwinsyncProcesses.run(home, Map.of(), "sample-erp", "sql", "SELECT 1");
        try (StandaloneEmulator adt =
                new StandaloneEmulator(dir.resolve("adt"), TwinsyncProcesses.freePort(), "--limits", "off").start()) {
            Map<String, String> settings = new HashMap<>(adt.target());
            settings.put("TWINSYNC_WRITER_BACKEND", "processes");
            boolean zip = Files.isRegularFile(TASK_ZIP);
            if (zip) {
                settings.put("TWINSYNC_WRITER_TASK_ZIP", TASK_ZIP.toString());
            }

            // when a first load is written by three partitions, each phase of each a process of the task
            Result first = TwinsyncProcesses.run(home, settings, "run", "--partitions", "3");

            // then the graph is what one writer makes of it
            TwinsyncProcesses.assertOk(first);
            assertThat(first.output())
                    .containsPattern("twins +347 created")
                    .containsPattern("relationships +610 created");
            assertThat(GraphDump.of(adt.endpoint(), adt.certificate())).isEqualTo(singleWriter);
            if (zip) { // unpacked once, run by its own launcher and runtime
                try (var apps = Files.list(home.resolve("tasks").resolve("app"))) {
                    assertThat(apps.toList()).singleElement().satisfies(app -> assertThat(
                                    app.resolve("twin-writer-task/bin/twin-writer-task"))
                            .isExecutable());
                }
            }
            // and the tasks' working folders went with their success
            assertThat(home.resolve("tasks")).isDirectory();
            try (var left = Files.walk(home.resolve("tasks"))) {
                assertThat(left.filter(path -> path.getFileName().toString().equals("activity.json")))
                        .isEmpty();
            }

            // and the tasks recorded the known state under the target's key: the next run sends no twin request
            Result next = TwinsyncProcesses.run(home, settings, "run", "--partitions", "3");
            TwinsyncProcesses.assertOk(next);
            assertThat(next.output())
                    .containsPattern("twins +0 created, 0 patched")
                    .containsPattern("relationships +0 created, 0 patched")
                    // a model listing per partition's twin phase, nothing else
                    .containsPattern("requests +3 sent");
        }
    }

    @Test
    void aTaskFromTwinsyncsJarThatCannotRunIsStartedAgainThenFailsItsPartitionAndTheResumedBatchEndsAsOneWriter()
            throws Exception {
        Path home = dir.resolve("home");
        TwinsyncProcesses.run(home, Map.of(), "sample-erp", "sql", "SELECT 1");
        int port = TwinsyncProcesses.freePort();
        StandaloneEmulator adt = new StandaloneEmulator(dir.resolve("adt"), port, "--limits", "off").start();
        Map<String, String> settings = new HashMap<>(adt.target());
        settings.put("TWINSYNC_WRITER_BACKEND", "processes");
        settings.put("TWINSYNC_WRITER_TASK_RETRIES", "1");
        settings.put("TWINSYNC_WRITER_UNREACHABLE_AFTER", "2s");
        try {
            // given a target that answers nothing
            adt.stop();

            // when a batch is written by two partitions as processes
            Result failed = TwinsyncProcesses.run(home, settings, "run", "--partitions", "2");

            // then each partition's task was started twice, and the run says what happened and where to look
            assertThat(failed.code()).as(failed.output()).isEqualTo(1);
            assertThat(failed.output())
                    .contains("twinsync run failed in the write step (twins, partition 1/2): The task for partition"
                            + " 1/2 failed 2 times:")
                    .contains("did not answer")
                    .contains("its output is in " + home.resolve("tasks"))
                    .contains("'twinsync run --resume'")
                    .doesNotContain("\tat ");
            String batch = failed.output()
                    .lines()
                    .filter(line -> line.startsWith("twinsync run: batch "))
                    .findFirst()
                    .orElseThrow()
                    .substring("twinsync run: batch ".length())
                    .strip();
            assertThat(home.resolve("tasks")
                            .resolve(batch)
                            .resolve("part-1-of-2.twins")
                            .resolve("try-2"))
                    .isDirectory();
            assertThat(home.resolve("tasks")
                            .resolve(batch)
                            .resolve("part-1-of-2.twins")
                            .resolve("try-2")
                            .resolve("outputs.json"))
                    .content()
                    .contains("\"exitCode\" : 1");

            // when the target is back and the batch is resumed
            adt.start();
            Result resumed = TwinsyncProcesses.run(home, settings, "run", "--resume");

            // then the graph is what one writer makes of the same source
            TwinsyncProcesses.assertOk(resumed);
            assertThat(resumed.output()).contains("twinsync run --resume: batch " + batch);
            assertThat(GraphDump.of(adt.endpoint(), adt.certificate())).isEqualTo(singleWriter);
        } finally {
            adt.close();
        }
    }
}
