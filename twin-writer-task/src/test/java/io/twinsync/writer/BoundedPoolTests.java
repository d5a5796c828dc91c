package io.twinsync.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedPoolTests {

    @Test
    void returnsTheResultsInTheItemsOrder() {
        List<Integer> items = IntStream.range(0, 50).boxed().toList();

        List<Integer> doubled = new BoundedPool(8).map(items, item -> item * 2);

        assertThat(doubled)
                .isEqualTo(IntStream.range(0, 50).map(i -> i * 2).boxed().toList());
    }

    @Test
    void theFirstItemThatThrowsStopsRunningAndQueuedItemsAndItsExceptionIsThrown() throws Exception {
        // given 100 items on 4 threads: three of them block for a minute, and the fourth throws once they block
        CountDownLatch threeBlocked = new CountDownLatch(3);
        AtomicInteger started = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 100).boxed().toList();
        TwinWriteException stop = new TwinWriteException("target gone");

        // when
        long start = System.nanoTime();
        assertThatThrownBy(() -> new BoundedPool(4).map(items, item -> {
                    started.incrementAndGet();
                    if (item == 3) {
                        await(threeBlocked);
                        throw stop;
                    }
                    threeBlocked.countDown();
                    sleepUntilInterrupted(Duration.ofMinutes(1));
                    return item;
                }))
                // then
                .isSameAs(stop);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(started).hasValue(4); // the 96 queued items never started
    }

    /** Sleeps, or returns when interrupted (as a writer thread's retry wait ends its request). */
    private static void sleepUntilInterrupted(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
