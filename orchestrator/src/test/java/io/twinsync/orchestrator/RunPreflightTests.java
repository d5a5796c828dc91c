package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.cli.ExitCode;
import io.twinsync.orchestrator.graph.EmulatorHome;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.LockHolder;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StateLock;
import io.twinsync.staging.StateLockedException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code twinsync run} checks the mapping, the source and that it has the target to itself before it creates a
 * batch: a run that cannot succeed stops with one message and exit code 1 (4 when another run holds the target), and
 * leaves no batch behind.
 */
class RunPreflightTests {

    static final String UNREACHABLE_SOURCE = "jdbc:postgresql://127.0.0.1:1/erp?password=hunter2secret";
    static final String ENDPOINT = "https://adt.example.invalid";

    @Test
    void aMissingMappingFileStopsTheRunBeforeABatch() {
        Path home = CliRun.newHome("preflight-mapping-");
        Map<String, String> variables = variables(home);
        variables.put("TWINSYNC_MAPPING", home.resolve("no-such-mapping.yaml").toString());

        StartedTwinsync run = StartedTwinsync.run(variables, Map.of(), "run");

        assertStoppedBeforeABatch(run, home);
        assertThat(run.output()).contains("Setting twinsync.mapping is").contains("no such file");
    }

    @Test
    void theDataFactoryBackEndNeedsATargetAndAStagingAreaItsTasksCanReach() {
        // given the data-factory back-end with the embedded emulator
        Path home = CliRun.newHome("preflight-data-factory-");
        Map<String, String> variables = variables(home);
        variables.put("TWINSYNC_WRITER_BACKEND", "data-factory");

        // then the run stops before a batch, saying the pipeline's tasks cannot reach it
        StartedTwinsync embedded = StartedTwinsync.run(variables, Map.of(), "run");
        assertStoppedBeforeABatch(embedded, home);
        assertThat(embedded.output())
                .contains("the target is the embedded emulator")
                .contains("twinsync.target.endpoint");

        // and with a target of its own, a staging folder on this machine is refused the same way
        variables.put("TWINSYNC_TARGET_ENDPOINT", ENDPOINT);
        StartedTwinsync folder = StartedTwinsync.run(variables, Map.of(), "run");
        assertStoppedBeforeABatch(folder, home);
        assertThat(folder.output())
                .contains("the staging area is a folder on this machine")
                .contains("Set twinsync.staging to a Blob Storage container");
    }

    @Test
    void aMalformedMappingStopsTheRunNamingTheFile() {
        Path home = FleetHome.create("preflight-malformed-", mapping -> mapping.replace("entities:", "entities: ["));

        StartedTwinsync run = StartedTwinsync.run(fleet(home), Map.of(), "run");

        assertStoppedBeforeABatch(run, home);
        assertThat(run.output()).contains("The mapping " + home.resolve("fleet/mapping.yaml"));
    }

    @Test
    void anUnknownModelOrPropertyStopsTheRunNamingEach() {
        Path home = FleetHome.create("preflight-model-", mapping -> mapping.replace(
                        "dtmi:example:fleet:Depot;1", "dtmi:example:fleet:Depot;9")
                .replace("plate: Plate", "plaite: Plate"));

        StartedTwinsync run = StartedTwinsync.run(fleet(home), Map.of(), "run");

        assertStoppedBeforeABatch(run, home);
        assertThat(run.output()).contains("dtmi:example:fleet:Depot;9").contains("plaite");
    }

    @Test
    void aColumnTheSourceLacksStopsTheRunNamingIt() {
        Path home = FleetHome.create("preflight-column-", mapping -> mapping.replace("city: City", "city: Town"));

        StartedTwinsync run = StartedTwinsync.run(fleet(home), Map.of(), "run");

        assertStoppedBeforeABatch(run, home);
        assertThat(run.output())
                .contains("does not fit the source")
                .contains("entity 'depot'")
                .contains("column 'Town'");
    }

    @Test
    void anUnreachableSourceStopsTheRunWithoutItsPassword() {
        Path home = CliRun.newHome("preflight-source-");
        Map<String, String> variables = variables(home);
        variables.put("TWINSYNC_SOURCE_URL", UNREACHABLE_SOURCE);
        variables.put("TWINSYNC_SOURCE_PASSWORD", "hunter2secret");

        StartedTwinsync run = StartedTwinsync.run(variables, Map.of(), "run");

        assertStoppedBeforeABatch(run, home);
        assertThat(run.output())
                .contains("Cannot connect to the source database")
                .doesNotContain("hunter2secret");
    }

    @Test
    void aJdbcUrlNoDriverAcceptsNamesTheSetting() {
        Path home = CliRun.newHome("preflight-driver-");
        Map<String, String> variables = variables(home);
        variables.put("TWINSYNC_SOURCE_URL", "jdbc:postgresq://127.0.0.1/erp?password=hunter2secret");

        StartedTwinsync run = StartedTwinsync.run(variables, Map.of(), "run");

        assertStoppedBeforeABatch(run, home);
        assertThat(run.output())
                .contains("Setting twinsync.source.url is 'jdbc:postgresq://127.0.0.1/erp?password=****'")
                .contains("no JDBC driver accepts")
                .doesNotContain("hunter2secret");
    }

    @Test
    void anotherRunHoldingTheTargetStopsTheRunWithExitCodeFourNamingThatRun() {
        // given another run that holds the target (its run lock, as 'run' takes it), and a source that is not there
        Path home = CliRun.newHome("preflight-held-");
        Map<String, String> variables = variables(home);
        variables.put("TWINSYNC_TARGET_ENDPOINT", ENDPOINT);
        variables.put("TWINSYNC_SOURCE_URL", UNREACHABLE_SOURCE);
        StagingStore staging = new LocalStagingStore(home.resolve("staging"));
        LockHolder other = new LockHolder(
                "build-7", 4242, "20261207T060000000Z-ab12cd", Instant.parse("2026-12-07T06:00:01.250Z"));

        try (StateLock held = staging.state().lock("writer/adt.example.invalid/run.lock", other)) {
            // when a run starts
            StartedTwinsync run = StartedTwinsync.run(variables, Map.of(), "run");

            // then it stops on the other run, before it even tries the source, with the exit code of a held target
            // and one message naming that run's process, host, batch and start, the lock, and what to do
            assertStoppedBeforeABatch(run, home, ExitCode.LOCKED);
            assertThat(run.output())
                    .contains("twinsync run failed: Another twinsync run holds the target " + ENDPOINT
                            + ": pid 4242 on host build-7, batch 20261207T060000000Z-ab12cd,"
                            + " since 2026-12-07T06:00:01Z (lock "
                            + home.resolve("staging/state/writer/adt.example.invalid/run.lock")
                                    .toAbsolutePath() + ")."
                            + " Wait for it to finish or stop it, then run again")
                    .doesNotContain("source database");
        }

        // and once the other run is gone, a run gets past the target (to the missing source)
        StartedTwinsync after = StartedTwinsync.run(variables, Map.of(), "run");
        assertThat(after.code()).isEqualTo(ExitCode.FAILED.code());
        assertThat(after.output()).contains("Cannot connect to the source database");
    }

    @Test
    void aHolderThatRecordedNothingIsStillRefusedWithExitCodeFour() throws Exception {
        // given a run lock held, whose file names no holder (as one taken by an earlier version of twinsync)
        Path home = CliRun.newHome("preflight-held-unnamed-");
        Map<String, String> variables = variables(home);
        variables.put("TWINSYNC_TARGET_ENDPOINT", ENDPOINT);
        variables.put("TWINSYNC_SOURCE_URL", UNREACHABLE_SOURCE);
        Path lock = home.resolve("staging/state/writer/adt.example.invalid/run.lock");

        Files.createDirectories(lock.getParent());
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            // when a run starts
            StartedTwinsync run = StartedTwinsync.run(variables, Map.of(), "run");

            // then it stops all the same, saying the lock does not name its holder
            assertStoppedBeforeABatch(run, home, ExitCode.LOCKED);
            assertThat(run.output())
                    .contains("Another twinsync run holds the target " + ENDPOINT + " (lock " + lock.toAbsolutePath()
                            + "; it does not say which process)");
        }
    }

    @Test
    void aRunWhileTheEmbeddedEmulatorIsInUseStopsBeforeABatchWithExitCodeFourNamingItsHolder() {
        // given the embedded emulator's folder in use (by this process, as by a 'twinsync emulator')
        Path home = CliRun.newHome("preflight-emulator-");

        // when a run starts
        StartedTwinsync run;
        try (EmulatorHome inUse = EmulatorHome.lock(home)) {
            run = StartedTwinsync.run(variables(home), Map.of(), "run");
        }

        // then it stops as on a target another run holds, naming the process that has the folder
        assertStoppedBeforeABatch(run, home, ExitCode.LOCKED);
        assertThat(run.output())
                .contains("is in use by another twinsync process (pid "
                        + ProcessHandle.current().pid() + " on host ")
                .contains("a 'twinsync schedule' (which keeps it between its batches)");
    }

    @Test
    void aRunHoldsTheTargetUntilItEndsNamingItselfAndItsBatch() throws Exception {
        // given a run of the sample ERP into the embedded emulator, in another thread
        Path home = CliRun.newHome("preflight-hold-");
        CompletableFuture<StartedTwinsync> first =
                CompletableFuture.supplyAsync(() -> StartedTwinsync.run(variables(home), Map.of(), "run"));

        // when this thread tries to take the target's run lock while that run goes on (once its batch exists: the
        // lock file appears an instant before it is locked, and this thread must not win that race)
        AtomicReference<LockHolder> refusedBy = new AtomicReference<>();
        Path writerState = home.resolve("staging/state/writer");
        StagingStore staging = new LocalStagingStore(home.resolve("staging"));
        while (!first.isDone() && refusedBy.get() == null) {
            if (!staging.listBatches().isEmpty()) {
                tryRunLock(home, writerState, refusedBy::set);
            }
            Thread.sleep(20);
        }

        // then it was refused while the run went on, by this process running the batch it created
        StartedTwinsync run = first.get();
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(refusedBy.get()).as("the holder named while the run went on").isNotNull();
        assertThat(refusedBy.get().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(refusedBy.get().host())
                .isEqualTo(LockHolder.thisProcess(null).host());
        assertThat(staging.listBatches())
                .containsExactly(new BatchId(refusedBy.get().batch()));

        // and the target is free once the run ended
        assertThat(tryRunLock(home, writerState, holder -> {})).isEqualTo(LockAttempt.TAKEN);
    }

    private enum LockAttempt {
        NO_LOCK_YET,
        REFUSED,
        TAKEN
    }

    /**
     * Tries the run lock of the one target under {@code writerState}, releasing it at once when taken, and telling
     * {@code refusedBy} the holder a refusal names.
     */
    private static LockAttempt tryRunLock(Path home, Path writerState, Consumer<LockHolder> refusedBy)
            throws Exception {
        if (!Files.isDirectory(writerState)) {
            return LockAttempt.NO_LOCK_YET;
        }
        try (Stream<Path> targets = Files.list(writerState)) {
            Path lock = targets.map(target -> target.resolve("run.lock"))
                    .filter(Files::exists)
                    .findFirst()
                    .orElse(null);
            if (lock == null) {
                return LockAttempt.NO_LOCK_YET;
            }
            String name = home.resolve("staging/state").relativize(lock).toString();
            try (StateLock taken =
                    new LocalStagingStore(home.resolve("staging")).state().lock(name)) {
                return LockAttempt.TAKEN;
            } catch (StateLockedException e) {
                e.holder().ifPresent(refusedBy);
                return LockAttempt.REFUSED;
            }
        }
    }

    static void assertStoppedBeforeABatch(StartedTwinsync run, Path home) {
        assertStoppedBeforeABatch(run, home, ExitCode.FAILED);
    }

    static void assertStoppedBeforeABatch(StartedTwinsync run, Path home, ExitCode code) {
        assertThat(run.code()).as(run.output()).isEqualTo(code.code());
        assertThat(run.output()).startsWith("twinsync run failed: ").doesNotContain("twinsync run: batch");
        assertThat(new LocalStagingStore(home.resolve("staging")).listBatches())
                .as("batches left behind")
                .isEmpty();
        StartupSettingsTests.assertNoStackTrace(run);
    }

    private static Map<String, String> variables(Path home) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("TWINSYNC_HOME", home.toString());
        return variables;
    }

    private static Map<String, String> fleet(Path home) {
        Map<String, String> variables = variables(home);
        variables.put("TWINSYNC_SOURCE_URL", FleetHome.createDatabase(home));
        variables.put("TWINSYNC_MAPPING", home.resolve("fleet/mapping.yaml").toString());
        return variables;
    }
}
