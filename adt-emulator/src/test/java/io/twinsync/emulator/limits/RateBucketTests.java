package io.twinsync.emulator.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateBucketTests {

    private final FakeClock clock = new FakeClock();

    @Test
    void aFullBucketAdmitsOneSecondsWorthAtOnceThenRefuses() {
        // given
        RateBucket bucket = new RateBucket(5, clock.getAsLong());

        // when
        int admitted = 0;
        while (bucket.tryAcquire(clock.getAsLong()) == 0) {
            admitted++;
        }

        // then
        assertThat(admitted).isEqualTo(5);
    }

    @Test
    void aRefusalSaysHowLongUntilTheNextToken() {
        // given an empty bucket of 5 per second: one token every 200 ms
        RateBucket bucket = drained(5);

        // when
        clock.advanceMillis(50);
        long wait = bucket.tryAcquire(clock.getAsLong());

        // then
        assertThat(wait).isEqualTo(150_000_000L);
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        // given
        RateBucket bucket = drained(5);

        // when a second passes in 100 ms steps, asking every step
        int admitted = 0;
        for (int step = 0; step < 10; step++) {
            clock.advanceMillis(100);
            while (bucket.tryAcquire(clock.getAsLong()) == 0) {
                admitted++;
            }
        }

        // then
        assertThat(admitted).isEqualTo(5);
    }

    @Test
    void anIdleBucketRefillsOnlyUpToOneSecondsWorth() {
        // given
        RateBucket bucket = drained(5);

        // when
        clock.advanceMillis(10_000);
        int admitted = 0;
        while (bucket.tryAcquire(clock.getAsLong()) == 0) {
            admitted++;
        }

        // then
        assertThat(admitted).isEqualTo(5);
    }

    @Test
    void aReleasedTokenCanBeTakenAgain() {
        // given
        RateBucket bucket = drained(5);

        // when
        bucket.release();

        // then
        assertThat(bucket.tryAcquire(clock.getAsLong())).isZero();
        assertThat(bucket.tryAcquire(clock.getAsLong())).isPositive();
    }

    @Test
    void aBucketIsFullAgainOneSecondAfterItWasDrained() {
        // given
        RateBucket bucket = drained(5);

        // when
        clock.advanceMillis(1_000);

        // then
        assertThat(bucket.isFull(clock.getAsLong())).isTrue();
    }

    private RateBucket drained(int perSecond) {
        RateBucket bucket = new RateBucket(perSecond, clock.getAsLong());
        while (bucket.tryAcquire(clock.getAsLong()) == 0) {
            // take every token
        }
        return bucket;
    }
}
