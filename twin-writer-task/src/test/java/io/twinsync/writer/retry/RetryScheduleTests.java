package io.twinsync.writer.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    @Test
    void doublesTheBaseWaitUpToTheMaximum() {
        // given
        RetrySchedule schedule = new RetrySchedule(Duration.ofMillis(100), Duration.ofMillis(500), () -> 0.5);

        // when / then
        assertThat(schedule.baseMillis(1)).isEqualTo(100);
        assertThat(schedule.baseMillis(2)).isEqualTo(200);
        assertThat(schedule.baseMillis(3)).isEqualTo(400);
        assertThat(schedule.baseMillis(4)).isEqualTo(500);
        assertThat(schedule.baseMillis(40)).isEqualTo(500);
    }

    @Test
    void keepsTheJitteredWaitBetweenHalfAndAllOfTheBase() {
        // given
        RetrySchedule lowest = new RetrySchedule(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.0);
        RetrySchedule highest = new RetrySchedule(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.999999);
        RetrySchedule random = new RetrySchedule(Duration.ofMillis(100), Duration.ofSeconds(10));

        // when / then
        assertThat(lowest.backoff(3)).isEqualTo(Duration.ofMillis(200));
        assertThat(highest.backoff(3)).isEqualTo(Duration.ofMillis(400));
        for (int i = 0; i < 1_000; i++) {
            assertThat(random.backoff(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        }
    }
}
