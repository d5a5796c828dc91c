package io.twinsync.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
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
    void neverTakesMoreItemsThanItsWindowBeforeHandingTheirResultsOver() {
        // given 10,000 items taken one by one from an iterator, on 4 threads with a window of 16
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger handedOver = new AtomicInteger();
        AtomicInteger mostOutstanding = new AtomicInteger();
        Iterator<Integer> items = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < 10_000;
            }

            @Override
            public Integer next() {
                mostOutstanding.accumulateAndGet(taken.incrementAndGet() - handedOver.get(), Math::max);
                return next++;
            }
        };
        List<Integer> results = new ArrayList<>();

        // when
        new BoundedPool(4, 16).forEach(items, item -> item * 2, result -> {
            handedOver.incrementAndGet();
            results.add(result);
        });

        // then every result came, in order, and no more than 16 items were ever held at once
        assertThat(results)
                .isEqualTo(IntStream.range(0, 10_000).map(i -> i * 2).boxed().toList());
        assertThat(mostOutstanding.get()).isBetween(1, 16);
    }

    @Test
    void aSlowItemHoldsTheWindowRatherThanLettingTheItemsBehindItPileUp() throws Exception {
        // given a first item that waits until the other threads have done everything the window lets them take
        CountDownLatch othersDone = new CountDownLatch(7);
        AtomicInteger taken = new AtomicInteger();
        Iterator<Integer> items = IntStream.range(0, 1_000)
                .peek(item -> taken.incrementAndGet())
                .boxed()
                .iterator();
        List<Integer> results = new ArrayList<>();

        // when
        new BoundedPool(2, 8)
                .forEach(
                        items,
                        item -> {
                            if (item == 0) {
                                await(othersDone);
                                // then while it ran, nothing beyond the window of 8 was taken
                                assertThat(taken).hasValue(8);
                            } else if (item < 8) {
                                othersDone.countDown();
                            }
                            return item;
                        },
                        results::add);

        assertThat(results).isEqualTo(IntStream.range(0, 1_000).boxed().toList());
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
