package io.twinsync.writer;

import static io.twinsync.writer.support.TestBatches.batch;
import static io.twinsync.writer.support.TestBatches.pump;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.faults.Faults;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.twin.TwinFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer against a target that stops answering: an outage shorter than {@code unreachableAfter} is waited out
 * and costs no twin, even when it outlasts every request's retries; a longer one stops the write about
 * {@code unreachableAfter} after it began, with one message, records nothing, and the same write run again once the
 * target is back finishes the job. The old behaviour, each twin retrying 5 times (7.75 to 15.5 s of backoff) before
 * failing alone, would take minutes for these batches.
 */
class UnreachableTargetWriterTests {

    /** The window under test; the default is 60 s. */
    private static final Duration WINDOW = Duration.ofSeconds(2);

    /** An upper bound that a loaded 2-core machine keeps, and the old behaviour could not. */
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @TempDir
    Path root;

    private AdtEmulator emulator;

    @AfterEach
    void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aTargetDownFromTheStartStopsTheWriteAfterTheWindowWithOneMessageNotAModelsError() {
        // given an endpoint where an emulator listened and nothing does any more, and a writer whose 5 retries of
        // the first request (listing the models) last under a second, much less than its 3 s window
        AdtEmulator gone = AdtEmulator.builder().port(0).start();
        AdtTarget target = AdtTarget.emulator(gone.endpoint(), gone.certificate());
        gone.close();
        LocalStagingStore store = new LocalStagingStore(root);
        Batch batch = batch(store, pumps(50));
        WriterSettings settings = WriterSettings.defaults()
                .withConcurrency(4)
                .withRetries(5, Duration.ofMillis(50), Duration.ofMillis(200))
                .withUnreachableAfter(Duration.ofSeconds(3));

        // when
        long start = System.nanoTime();
        assertThatThrownBy(() -> writer(target, store, settings).write(batch, Partition.ALL))
                // then the listing waited for the whole window, and the write stopped with the target's message
                .isInstanceOf(TargetUnreachableException.class)
                .hasMessageStartingWith("ADT at " + target.endpoint() + " did not answer for 3 s")
                .hasMessageContaining("the last one LIST models with connection refused")
                .hasMessageContaining("so running again writes the rest")
                .hasMessageNotContaining("Cannot list the models")
                .hasNoCause();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(3)).isLessThan(GENEROUS);
        assertThat(batch.exists(BatchLayout.resultsFile(Partition.ALL.fileName())))
                .isFalse();
    }

    @Test
    void aTargetThatIsDownForLessThanTheWindowMidWriteCostsNoTwin() throws Exception {
        // given an emulator that keeps its graph in a snapshot, slowed down so that 300 twins take a few seconds, and
        // a writer whose 2 retries last under a second, with a 20 s window
        Path snapshot = root.resolve("adt/snapshot.json");
        Path tls = root.resolve("adt/tls");
        Faults slow = Faults.none().withLatency(Duration.ofMillis(40), Duration.ZERO);
        emulator = AdtEmulator.builder()
                .port(0)
                .snapshotFile(snapshot)
                .tlsDirectory(tls)
                .faults(slow)
                .start();
        AdtTarget target = AdtTarget.emulator(emulator.endpoint(), emulator.certificate());
        LocalStagingStore store = new LocalStagingStore(root.resolve("staging"));
        Batch batch = batch(store, pumps(300));
        WriterSettings settings = WriterSettings.defaults()
                .withConcurrency(4)
                .withRetries(2, Duration.ofMillis(200), Duration.ofSeconds(1))
                .withUnreachableAfter(Duration.ofSeconds(20));
        AdtEmulator first = emulator;
        AtomicReference<AdtEmulator> restarted = new AtomicReference<>();
        AtomicLong downNanos = new AtomicLong();
        Thread outage = new Thread(() -> {
            long deadline = System.nanoTime() + GENEROUS.toNanos();
            while (first.stats().count("twins.put") < 40 && System.nanoTime() < deadline) {
                pause(Duration.ofMillis(10));
            }
            long down = System.nanoTime();
            first.close();
            pause(Duration.ofSeconds(5));
            restarted.set(AdtEmulator.builder()
                    .port(target.endpoint().getPort())
                    .snapshotFile(snapshot)
                    .tlsDirectory(tls)
                    .faults(slow)
                    .start());
            downNanos.set(System.nanoTime() - down);
        });

        // when the target goes down once 40 twins are written, and is back on the same port some 5 s later
        outage.start();
        WriteReport report = writer(target, store, settings).write(batch, Partition.ALL);
        outage.join();
        emulator = restarted.get();

        // then the write waited the outage out and wrote every twin, though the outage outlasted every retry
        assertThat(Duration.ofNanos(downNanos.get())).isGreaterThan(Duration.ofSeconds(4));
        assertThat(report.failures()).isEmpty();
        assertThat(report.summary().twins().created()
                        + report.summary().twins().patched()
                        + report.summary().twins().unchanged())
                .isEqualTo(300);
        assertThat(emulator.stats().count("twins.put")).isPositive(); // the rest were written after the restart
    }

    @Test
    void aTargetThatGoesDownMidWriteStopsItSoonAfterAndTheNextRunWritesTheRest() throws Exception {
        // given an emulator that keeps its graph in a snapshot, slowed down so that 300 twins take a few seconds
        Path snapshot = root.resolve("adt/snapshot.json");
        Path tls = root.resolve("adt/tls");
        emulator = AdtEmulator.builder()
                .port(0)
                .snapshotFile(snapshot)
                .tlsDirectory(tls)
                .faults(Faults.none().withLatency(Duration.ofMillis(40), Duration.ZERO))
                .start();
        AdtTarget target = AdtTarget.emulator(emulator.endpoint(), emulator.certificate());
        LocalStagingStore store = new LocalStagingStore(root.resolve("staging"));
        Batch batch = batch(store, pumps(300));
        AdtEmulator running = emulator;
        Thread outage = new Thread(() -> {
            long deadline = System.nanoTime() + GENEROUS.toNanos();
            while (running.stats().count("twins.put") < 40 && System.nanoTime() < deadline) {
                pause(Duration.ofMillis(10));
            }
            running.close();
        });

        // when the target goes down once 40 twins are written
        outage.start();
        long start = System.nanoTime();
        assertThatThrownBy(() -> writer(target, store).write(batch, Partition.ALL))
                // then the write stops, with the message, and records nothing
                .isInstanceOf(TargetUnreachableException.class)
                .hasMessageContaining("did not answer for 2 s")
                .hasMessageContaining("PUT twin pump-");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        outage.join();
        assertThat(took).isLessThan(GENEROUS);
        assertThat(batch.exists(BatchLayout.resultsFile(Partition.ALL.fileName())))
                .isFalse();

        // and when the target is back with what it had, the same write finishes the job
        emulator = AdtEmulator.builder()
                .port(target.endpoint().getPort())
                .snapshotFile(snapshot)
                .tlsDirectory(tls)
                .start();
        WriteReport report = writer(target, store).write(batch, Partition.ALL);
        assertThat(report.failures()).isEmpty();
        assertThat(report.summary().twins().created() + report.summary().twins().unchanged())
                .isEqualTo(300);
        assertThat(report.summary().twins().unchanged()).isPositive(); // written before the outage, kept by ADT
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TwinFile[] pumps(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> pump("pump-" + i, 1000 + i))
                .toArray(TwinFile[]::new);
    }

    private static TwinWriter writer(AdtTarget target, LocalStagingStore store) {
        return writer(
                target, store, WriterSettings.defaults().withConcurrency(4).withUnreachableAfter(WINDOW));
    }

    private static TwinWriter writer(AdtTarget target, LocalStagingStore store, WriterSettings settings) {
        return new TwinWriter(
                AdtClients.create(target, settings), target.endpoint(), store, target.stateKey(), settings);
    }
}
