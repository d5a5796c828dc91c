package io.twinsync.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.writer.limit.ApiClass;
import io.twinsync.writer.limit.RateLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WriterSettingsTests {

    @Test
    void defaultsTo64InFlightFiveRetriesKnownStateAndTheServiceLimits() {
        // when
        WriterSettings settings = WriterSettings.defaults();

        // then
        assertThat(settings.concurrency()).isEqualTo(64);
        assertThat(settings.rateLimits()).isEqualTo(RateLimits.serviceDefaults());
        assertThat(settings.rateLimits().effective(ApiClass.CREATES_DELETES)).isEqualTo(500.0);
        assertThat(settings.maxRetries()).isEqualTo(5);
        assertThat(settings.fullCompare()).isFalse();
    }

    @Test
    void rejectsAMaxBackoffShorterThanTheInitialOne() {
        // when / then
        assertThatThrownBy(() -> new WriterSettings(8, 5, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBackoff");
    }

    @Test
    void rejectsZeroConcurrency() {
        // when / then
        assertThatThrownBy(() -> WriterSettings.defaults().withConcurrency(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default is 64");
    }
}
