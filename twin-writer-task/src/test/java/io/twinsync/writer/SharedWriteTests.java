package io.twinsync.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SharedWriteTests {

    @Test
    void noPartitionGoesOnToItsRelationshipsBeforeEveryPartitionWroteItsTwinsAndAllSeeWhatEachCreated()
            throws Exception {
        SharedWrite shared = SharedWrite.of(WriterSettings.defaults(), 2);
        SharedWrite.Member early = shared.member(new Partition(1, 2));
        SharedWrite.Member late = shared.member(new Partition(2, 2));
        AtomicBoolean earlyWentOn = new AtomicBoolean();
        Thread first = new Thread(() -> {
            early.twinsWritten(Set.of("a"));
            earlyWentOn.set(true);
        });
        first.start();

        first.join(300);
        assertThat(earlyWentOn).as("waits for the other partition's twins").isFalse();

        assertThat(late.twinsWritten(Set.of("b"))).containsExactlyInAnyOrder("a", "b");
        first.join(5_000);
        assertThat(earlyWentOn).isTrue();
    }

    @Test
    void aPartitionThatFailsBeforeItsTwinsWereWrittenStopsTheOthersBeforeTheirRelationshipsInsteadOfHoldingThem()
            throws Exception {
        SharedWrite shared = SharedWrite.of(WriterSettings.defaults(), 2);
        SharedWrite.Member healthy = shared.member(new Partition(1, 2));
        SharedWrite.Member failed = shared.member(new Partition(2, 2));
        CountDownLatch wentOn = new CountDownLatch(1);
        AtomicReference<Throwable> stopped = new AtomicReference<>();
        Thread first = new Thread(() -> {
            try {
                healthy.twinsWritten(Set.of());
            } catch (TwinWriteException e) {
                stopped.set(e);
            }
            wentOn.countDown();
        });
        first.start();

        failed.leave();

        assertThat(wentOn.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stopped.get())
                .isInstanceOf(TwinWriteException.class)
                .hasMessageContaining("Partition 1/2 stopped after its twins, before its relationships: partition 2/2")
                .hasMessageContaining("twinsync run --resume");
    }

    @Test
    void modelsAreUploadedOnceForAllPartitions() throws Exception {
        SharedWrite shared = SharedWrite.of(WriterSettings.defaults(), 4);
        AtomicInteger uploads = new AtomicInteger();
        Thread[] partitions = new Thread[4];
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = new Thread(() -> shared.uploadModelsOnce(uploads::incrementAndGet));
            partitions[i].start();
        }
        for (Thread partition : partitions) {
            partition.join(5_000);
        }

        assertThat(uploads).hasValue(1);
    }

    @Test
    void aFailedModelUploadIsTriedAgainByTheNextPartition() {
        SharedWrite shared = SharedWrite.of(WriterSettings.defaults(), 2);
        AtomicInteger attempts = new AtomicInteger();

        try {
            shared.uploadModelsOnce(() -> {
                attempts.incrementAndGet();
                throw new IllegalStateException("refused");
            });
        } catch (IllegalStateException expected) {
            // the first partition fails with it
        }
        shared.uploadModelsOnce(attempts::incrementAndGet);

        assertThat(attempts).hasValue(2);
    }
}
