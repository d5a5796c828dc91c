package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.TwinsyncProcesses.Result;
import io.twinsync.orchestrator.TwinsyncProcesses.StandaloneEmulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code twinsync schedule} as a service runs it: the packaged CLI in its own process, a batch every two seconds
 * against a standalone emulator whose latency makes a first load take many periods, stopped with SIGTERM while a
 * batch writes.
 */
class ScheduleIntegrationTests {

    /** A batch's line on standard output: the tick, the batch and its result. */
    private static final Pattern RESULT = Pattern.compile("^\\S+ batch (\\S+) (OK|PARTIAL|FAILED|DRIFT|STOPPED)$");

    private static final Pattern WRITING =
            Pattern.compile("Writing partition \\d+/2 of batch (\\S+) to \\S+: (\\d+) twin files");

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void batchesRunOneAtATimeAndSigtermStopsTheRunningOneAfterItsWriteStepLeavingItForRunResume() throws Exception {
        Path home = dir.resolve("home");
        TwinsyncProcesses.run(home, Map.of(), "sample-erp", "sql", "SELECT 1");
        // The sample ERP's file as a source of one's own, shared through H2's AUTO_SERVER, so that the test can
        // change rows while the schedule holds it open.
        String erp = TwinsyncProcesses.sampleErpUrl(home) + ";AUTO_SERVER=TRUE";
        try (StandaloneEmulator adt = new StandaloneEmulator(
                        dir.resolve("adt"), TwinsyncProcesses.freePort(), "--latency", "300ms..500ms")
                .start()) {
            Map<String, String> settings = new HashMap<>(adt.target());
            settings.put("TWINSYNC_SOURCE_URL", erp);
            settings.put("TWINSYNC_WRITER_PARTITIONS", "2");
            Map<String, String> environment = new HashMap<>(settings);
            environment.put("TWINSYNC_LOG_LEVEL", "INFO"); // the writer's progress says when a batch writes
            Process schedule = TwinsyncProcesses.start(
                    home, environment, List.of("schedule", "--cron", "*/2 * * * * *", "--zone", "UTC"));
            String stopped;
            try {
                Lines lines = new Lines(schedule);

                // given two batches done, the first a first load that outlasts several ticks
                Matcher first = lines.await(RESULT, line -> true);
                Matcher second = lines.await(RESULT, line -> true);
                assertThat(List.of(first.group(2), second.group(2)))
                        .as(lines.all())
                        .containsOnly("OK");
                assertThat(lines.all())
                        .contains("skipped the start at")
                        .contains("is still running; the next batch starts at the first tick after it ends");

                // and every equipment row changed, which the next batch writes (seconds of patches)
                TwinsyncProcesses.sql(
                        erp,
                        "UPDATE Equipment SET Name = CONCAT('Renamed ', AssetTag), ModifiedAt = CURRENT_TIMESTAMP");
                Matcher writing = lines.await(
                        WRITING,
                        line -> !line.group(1).equals(first.group(1)) && Integer.parseInt(line.group(2)) > 100);
                stopped = writing.group(1);

                // when SIGTERM comes while that batch writes (through the handle: Process.destroy() would also close
                // the output, which the test still reads)
                schedule.toHandle().destroy();

                // then its write partitions end, the batch stops before its record step, and the process exits 0
                assertThat(schedule.waitFor(PATIENCE.toMinutes(), TimeUnit.MINUTES))
                        .as(lines.all())
                        .isTrue();
                lines.drained();
                assertThat(schedule.exitValue()).as(lines.all()).isZero();
                assertThat(lines.all())
                        .containsPattern("(?m)^\\S+ batch " + stopped + " STOPPED$")
                        .contains("Batch " + stopped + " stopped, as asked, in the write step")
                        .endsWith("twinsync schedule: stopped.\n");
            } finally {
                schedule.destroyForcibly();
            }

            // and 'run --resume' completes the stopped batch, leaving the graph a clean first load of the source; the
            // batch's report adds up what both attempts wrote (its steps that completed are not run again)
            Result resumed = TwinsyncProcesses.run(home, settings, "run", "--resume");
            TwinsyncProcesses.assertOk(resumed);
            assertThat(resumed.output())
                    .contains("twinsync run --resume: batch " + stopped)
                    .contains(stopped + " was stopped in the write step")
                    .containsPattern("twins +0 created, \\d+ patched, \\d+ unchanged");
            GraphDump graph = GraphDump.of(adt.endpoint(), adt.certificate());
            assertThat(graph).isEqualTo(TwinsyncProcesses.cleanFirstLoad(home, dir));
        }
    }

    /** A process's output lines, read as they come. */
    private static final class Lines {

        private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
        private final List<String> seen = new ArrayList<>();
        private final Thread reader;

        Lines(Process process) {
            BufferedReader output =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            reader = new Thread(
                    () -> {
                        try {
                            output.lines().forEach(unread::add);
                        } catch (UncheckedIOException closed) {
                            // the process was killed
                        }
                    },
                    "schedule-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits for the next line that matches {@code pattern} and {@code wanted}. */
        Matcher await(Pattern pattern, Predicate<Matcher> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                String line = unread.poll(1, TimeUnit.SECONDS);
                if (line == null) {
                    continue;
                }
                seen.add(line);
                Matcher matcher = pattern.matcher(line);
                if (matcher.find() && wanted.test(matcher)) {
                    return matcher;
                }
            }
            throw new AssertionError("No line like " + pattern + " in " + PATIENCE + ":\n" + all());
        }

        /** Reads what is left, once the process has ended. */
        void drained() throws InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(10));
            unread.drainTo(seen);
        }

        String all() {
            List<String> lines = new ArrayList<>(seen);
            lines.addAll(unread);
            return String.join("\n", lines) + "\n";
        }
    }
}
