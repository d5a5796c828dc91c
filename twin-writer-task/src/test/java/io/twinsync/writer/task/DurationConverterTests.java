package io.twinsync.writer.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationConverterTests {

    @Test
    void readsAWholeNumberAndAUnitAsSpringBootDoes() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(DurationConverter.parse(" 10m ")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationConverter.parse("1H")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationConverter.parse("1d")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void readsIso8601() {
        assertThat(DurationConverter.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void refusesABareNumberRatherThanGuessItsUnit() {
        assertThatThrownBy(() -> DurationConverter.parse("60"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'60' is not a duration")
                .hasMessageContaining("60s");
    }
}
