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
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer against a target that stops answering: it stops about {@code unreachableAfter} later with one message,
 * records nothing, and the same write run again once the target is back finishes the job. The old behaviour, each
 * twin retrying 5 times (7.75 to 15.5 s of backoff) before failing alone, would take minutes for these batches.
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
    void aTargetWhereNothingListensStopsTheWriteAfterTheWindowWithOneMessage() {
        // given an endpoint where an emulator listened and nothing does any more
        AdtEmulator gone = AdtEmulator.builder().port(0).start();
        AdtTarget target = AdtTarget.emulator(gone.endpoint(), gone.certificate());
        gone.close();
        LocalStagingStore store = new LocalStagingStore(root);
        Batch batch = batch(store, pumps(50));

        // when
        long start = System.nanoTime();
        assertThatThrownBy(() -> writer(target, store).write(batch, Partition.ALL))
                // then
                .isInstanceOf(TargetUnreachableException.class)
                .hasMessageStartingWith("ADT at " + target.endpoint() + " did not answer for 2 s")
                .hasMessageContaining("the last one LIST models with ConnectException")
                .hasMessageContaining("so running again writes the rest")
                .hasNoCause();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(GENEROUS);
        assertThat(batch.exists(BatchLayout.resultsFile(Partition.ALL.fileName())))
                .isFalse();
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
        WriterSettings settings = WriterSettings.defaults().withConcurrency(4).withUnreachableAfter(WINDOW);
        return new TwinWriter(
                AdtClients.create(target, settings), target.endpoint(), store, target.stateKey(), settings);
    }
}
