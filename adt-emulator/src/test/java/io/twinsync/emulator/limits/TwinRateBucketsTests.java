package io.twinsync.emulator.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TwinRateBucketsTests {

    private final FakeClock clock = new FakeClock();

    @Test
    void eachTwinHasItsOwnBudget() {
        // given
        TwinRateBuckets buckets = new TwinRateBuckets(2);
        buckets.tryAcquire("a", clock.getAsLong());
        buckets.tryAcquire("a", clock.getAsLong());

        // when
        long waitForA = buckets.tryAcquire("a", clock.getAsLong());
        long waitForB = buckets.tryAcquire("b", clock.getAsLong());

        // then
        assertThat(waitForA).isPositive();
        assertThat(waitForB).isZero();
    }

    @Test
    void twinsIdleForASecondAreForgottenOnceManyAreTracked() {
        // given more twins than the sweep threshold, all written to once
        TwinRateBuckets buckets = new TwinRateBuckets(10);
        for (int i = 0; i < TwinRateBuckets.SWEEP_THRESHOLD + 100; i++) {
            buckets.tryAcquire("twin-" + i, clock.getAsLong());
        }

        // when a second later one more twin is written to
        clock.advanceMillis(1_000);
        buckets.tryAcquire("latest", clock.getAsLong());

        // then only the twin written within the last second keeps state
        assertThat(buckets.size()).isEqualTo(1);
    }

    @Test
    void twinsWrittenWithinTheLastSecondAreKept() {
        // given many twins, each of which has used its one write per second
        TwinRateBuckets buckets = new TwinRateBuckets(1);
        for (int i = 0; i < TwinRateBuckets.SWEEP_THRESHOLD + 100; i++) {
            buckets.tryAcquire("twin-" + i, clock.getAsLong());
        }

        // when half a second passes (long enough for another sweep)
        clock.advanceMillis(500);
        buckets.tryAcquire("latest", clock.getAsLong());

        // then nothing is forgotten
        assertThat(buckets.size()).isEqualTo(TwinRateBuckets.SWEEP_THRESHOLD + 101);
    }
}
