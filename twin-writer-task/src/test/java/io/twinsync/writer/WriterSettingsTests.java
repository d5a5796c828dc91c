package io.twinsync.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.writer.limit.ApiClass;
import io.twinsync.writer.limit.RateLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WriterSettingsTests {

    @Test
    void defaultsTo64InFlightFiveRetriesKnownStateTheServiceLimitsAndTimeBounds() {
        // when
        WriterSettings settings = WriterSettings.defaults();

        // then
        assertThat(settings.concurrency()).isEqualTo(64);
        assertThat(settings.rateLimits()).isEqualTo(RateLimits.serviceDefaults());
        assertThat(settings.rateLimits().effective(ApiClass.CREATES_DELETES)).isEqualTo(500.0);
        assertThat(settings.maxRetries()).isEqualTo(5);
        assertThat(settings.fullCompare()).isFalse();
        assertThat(settings.throttleBudget()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.unreachableAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theThrottleBudgetAndTheUnreachableWindowArePositiveAndAtMostADay() {
        // when / then
        assertThatThrownBy(() -> WriterSettings.defaults().withThrottleBudget(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("throttleBudget must be more than 0 and at most 24 hours")
                .hasMessageContaining("the default is 10 minutes");
        assertThatThrownBy(() -> WriterSettings.defaults().withUnreachableAfter(Duration.ofHours(25)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unreachableAfter must be more than 0 and at most 24 hours")
                .hasMessageContaining("the default is 60 s");
        assertThat(WriterSettings.defaults()
                        .withUnreachableAfter(Duration.ofSeconds(5))
                        .withConcurrency(8)
                        .unreachableAfter())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void rejectsAMaxBackoffShorterThanTheInitialOne() {
        // when / then
        assertThatThrownBy(() -> new WriterSettings(8, 5, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBackoff");
    }

    @Test
    void aReplayCannotBeAFullCompare() {
        io.twinsync.staging.BatchId original = new io.twinsync.staging.BatchId("20260101T000000000Z-aaaaaa");

        assertThatThrownBy(
                        () -> WriterSettings.defaults().withReplayOf(original).withFullCompare(true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be a full compare");
        assertThat(WriterSettings.defaults().withReplayOf(original).replayOf()).isEqualTo(original);
    }

    @Test
    void rejectsZeroConcurrency() {
        // when / then
        assertThatThrownBy(() -> WriterSettings.defaults().withConcurrency(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default is 64");
    }
}
