package io.twinsync.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local store's lock between processes, each test with a second JVM ({@link LockHoldingProcess}) as the other
 * holder: a live holder is named to whoever it refuses, and a killed one blocks nobody.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LocalLockAcrossProcessesTests {

    private static final String LOCK = "writer/t/run.lock";
    private static final String BATCH = "20261207T060000000Z-ab12cd";

    @TempDir
    Path root;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aLiveHolderInAnotherProcessRefusesTheLockNamingItself() throws Exception {
        // given another process that took the lock for a batch
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Process other = startHolder();

        // when this process asks for it
        StateLockedException refused =
                catchThrowableOfType(() -> store().state().lock(LOCK), StateLockedException.class);

        // then it is refused, naming that process on this host, its batch, and when it took the lock
        assertThat(refused).as("refused while the other process holds the lock").isNotNull();
        LockHolder holder = refused.holder().orElseThrow();
        assertThat(holder.pid()).isEqualTo(other.pid());
        assertThat(holder.host()).isEqualTo(LockHolder.thisProcess(null).host());
        assertThat(holder.batch()).isEqualTo(BATCH);
        assertThat(holder.since()).isBetween(before, Instant.now());
        assertThat(refused).hasMessageContaining("pid " + other.pid() + " on host ");
    }

    @Test
    void theLockOfAKilledProcessIsTakenAtOnceAndItsHolderReplaced() throws Exception {
        // given another process that took the lock, killed as SIGKILL kills (no shutdown hook, nothing released)
        Process other = startHolder();
        other.destroyForcibly();
        assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // when this process asks for the lock / then it has it at once
        LockHolder mine = LockHolder.thisProcess("20261207T070000000Z-ef34ab");
        try (StateLock held = store().state().lock(LOCK, mine)) {

            // and whoever it refuses now is told of this holder, not of the dead one
            StateLockedException refused =
                    catchThrowableOfType(() -> store().state().lock(LOCK), StateLockedException.class);
            assertThat(refused.holder()).contains(mine);
        }
    }

    private StagingStore store() {
        return new LocalStagingStore(root);
    }

    /** Starts a {@link LockHoldingProcess} on this test's store and waits until it holds the lock. */
    private Process startHolder() throws IOException {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        // A JVM that only takes a lock: the quick compiler and a small heap start it sooner.
                        "-XX:TieredStopAtLevel=1",
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockHoldingProcess.class.getName(),
                        root.toString(),
                        LOCK,
                        BATCH)
                .redirectErrorStream(true)
                .start();
        started.add(process);
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder printed = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals(LockHoldingProcess.LOCKED)) {
                return process;
            }
            printed.append(line).append('\n');
        }
        throw new AssertionError("The lock-holding process ended without taking the lock:\n" + printed);
    }
}
