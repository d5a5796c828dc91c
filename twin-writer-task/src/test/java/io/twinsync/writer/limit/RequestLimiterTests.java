package io.twinsync.writer.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestLimiterTests {

    private final FakePacer pacer = new FakePacer();

    @Test
    void requestsOfAClassAreSpacedEvenlyAtItsRate() throws Exception {
        // given the service's limits: 500 creates and deletes per second
        RequestLimiter limiter = new RequestLimiter(RateLimits.serviceDefaults(), pacer);
        long start = pacer.nanoTime();

        // when 1,000 creates of different twins go through
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire(ApiClass.CREATES_DELETES, "twin-" + i);
        }

        // then they took two seconds: 500 per second, no burst
        assertThat(pacer.seconds(start)).isCloseTo(2.0, within(0.01));
    }

    @Test
    void classesArePacedIndependently() throws Exception {
        // given the service's limits
        RequestLimiter limiter = new RequestLimiter(RateLimits.serviceDefaults(), pacer);
        long start = pacer.nanoTime();

        // when reads and creates alternate, 500 of each
        for (int i = 0; i < 500; i++) {
            limiter.acquire(ApiClass.READS, null);
            limiter.acquire(ApiClass.CREATES_DELETES, "twin-" + i);
        }

        // then the creates (500 per second) set the pace, not the sum of both
        assertThat(pacer.seconds(start)).isCloseTo(1.0, within(0.01));
    }

    @Test
    void writesToOneTwinAreLimitedToTenPerSecond() throws Exception {
        // given the service's limits (patches 1,000 per second, one twin 10 per second)
        RequestLimiter limiter = new RequestLimiter(RateLimits.serviceDefaults(), pacer);
        long start = pacer.nanoTime();

        // when one twin gets 50 patches
        for (int i = 0; i < 50; i++) {
            limiter.acquire(ApiClass.PATCHES, "pump-7");
        }

        // then they took five seconds, where 50 patches of different twins would take 50 ms
        assertThat(pacer.seconds(start)).isCloseTo(4.9, within(0.01));
    }

    @Test
    void aShareScalesTheInstanceLimitsButNotThePerTwinLimit() throws Exception {
        // given a writer with a quarter of the instance (one of four tasks)
        RequestLimiter limiter = new RequestLimiter(RateLimits.serviceDefaults().withShare(0.25), pacer);

        // when it creates 250 twins, then writes one twin 20 times
        long start = pacer.nanoTime();
        for (int i = 0; i < 250; i++) {
            limiter.acquire(ApiClass.CREATES_DELETES, "twin-" + i);
        }
        double creates = pacer.seconds(start);
        pacer.advanceSeconds(10);
        long twinStart = pacer.nanoTime();
        for (int i = 0; i < 20; i++) {
            limiter.acquire(ApiClass.PATCHES, "pump-7");
        }

        // then creates ran at 125 per second, and the twin still at 10 per second
        assertThat(creates).isCloseTo(2.0, within(0.01));
        assertThat(pacer.seconds(twinStart)).isCloseTo(1.9, within(0.01));
        assertThat(limiter.currentRate(ApiClass.CREATES_DELETES)).isEqualTo(125.0);
    }

    @Test
    void aThrottleHoldsTheClassForRetryAfterAndCutsItsRate() throws Exception {
        // given a limiter at the service's patch rate
        RequestLimiter limiter = new RequestLimiter(RateLimits.serviceDefaults(), pacer);
        limiter.acquire(ApiClass.PATCHES, "a");
        long throttledAt = pacer.nanoTime();

        // when the service throttles a patch and asks for two seconds
        limiter.throttled(ApiClass.PATCHES, Duration.ofSeconds(2));

        // then the next patch waits the two seconds, reads do not, and patches now go at 70 % of the rate
        limiter.acquire(ApiClass.READS, null);
        assertThat(pacer.nanoTime()).isEqualTo(throttledAt);
        limiter.acquire(ApiClass.PATCHES, "b");
        assertThat(pacer.seconds(throttledAt)).isCloseTo(2.0, within(0.001));
        assertThat(limiter.currentRate(ApiClass.PATCHES)).isCloseTo(700 + 1000 * 0.05 * 2, within(0.5));
    }

    @Test
    void repeatedThrottlesLowerTheRateToAFloorAndQuietTimeBringsItBackToTheLimit() {
        // given a limiter throttled many times in a row
        RequestLimiter limiter = new RequestLimiter(RateLimits.serviceDefaults(), pacer);
        for (int i = 0; i < 30; i++) {
            limiter.throttled(ApiClass.CREATES_DELETES, null);
        }

        // then its rate went down to 5 % of the limit, not to nothing
        assertThat(limiter.currentRate(ApiClass.CREATES_DELETES)).isEqualTo(25.0);

        // when ten quiet seconds pass, it has climbed half way; after twenty it is back at the limit, not above
        pacer.advanceSeconds(10);
        assertThat(limiter.currentRate(ApiClass.CREATES_DELETES)).isCloseTo(275.0, within(0.01));
        pacer.advanceSeconds(30);
        assertThat(limiter.currentRate(ApiClass.CREATES_DELETES)).isEqualTo(500.0);
    }

    @Test
    void noLimiterNeverWaits() throws Exception {
        // given the limiter that leaves all braking to the service
        RequestLimiter limiter = RequestLimiter.none();

        // when many requests and a throttle go through, then nothing waits (no clock: it would fail if asked)
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire(ApiClass.PATCHES, "pump-7");
        }
        limiter.throttled(ApiClass.PATCHES, Duration.ofSeconds(5));
        assertThat(limiter.waited()).isZero();
    }

    @Test
    void limitsAreCheckedWithMessagesThatSayWhatToUse() {
        assertThatThrownBy(() -> RateLimits.serviceDefaults().withShare(0))
                .hasMessageContaining("share must be above 0 and at most 1")
                .hasMessageContaining("1/n");
        assertThatThrownBy(() -> RateLimits.serviceDefaults().withShare(1.5)).hasMessageContaining("at most 1");
        assertThatThrownBy(() -> RateLimits.serviceDefaults().withLimit(ApiClass.PATCHES, -3))
                .hasMessageContaining("patches")
                .hasMessageContaining("1000");
        assertThatThrownBy(() -> RateLimits.serviceDefaults().withPerTwinWrites(0))
                .hasMessageContaining("ADT allows 10");
        assertThat(ApiClass.fromKey(" Creates-Deletes ")).isEqualTo(ApiClass.CREATES_DELETES);
        assertThatThrownBy(() -> ApiClass.fromKey("writes")).hasMessageContaining("reads, patches");
    }
}
