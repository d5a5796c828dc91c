package io.twinsync.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedWriteTests {

    @Test
    @SuppressWarnings("unchecked") // an array of sets, one per thread
    void theTwinsTheBatchCreatedAreReadOnceForAllPartitions() throws Exception {
        SharedWrite shared = SharedWrite.of(WriterSettings.defaults());
        AtomicInteger reads = new AtomicInteger();
        Thread[] partitions = new Thread[4];
        Set<String>[] seen = new Set[4];
        for (int i = 0; i < partitions.length; i++) {
            int index = i;
            partitions[i] = new Thread(() -> seen[index] = shared.createdTwins(() -> {
                reads.incrementAndGet();
                return Set.of("a", "b");
            }));
            partitions[i].start();
        }
        for (Thread partition : partitions) {
            partition.join(5_000);
        }

        assertThat(reads).hasValue(1);
        assertThat(seen).allSatisfy(created -> assertThat(created).containsExactlyInAnyOrder("a", "b"));
    }

    @Test
    void modelsAreUploadedOnceForAllPartitions() throws Exception {
        SharedWrite shared = SharedWrite.of(WriterSettings.defaults());
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
        SharedWrite shared = SharedWrite.of(WriterSettings.defaults());
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
