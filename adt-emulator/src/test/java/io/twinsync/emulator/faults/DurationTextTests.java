package io.twinsync.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTests {

    @Test
    void millisecondsSecondsAndBareNumbersAreUnderstood() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("1.5s")).isEqualTo(Duration.ofMillis(1_500));
        assertThat(DurationText.parse("20")).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void aRangeHasAShortestAndALongest() {
        // when
        DurationText.Range range = DurationText.parseRange("20ms..50ms");

        // then
        assertThat(range.from()).isEqualTo(Duration.ofMillis(20));
        assertThat(range.spread()).isEqualTo(Duration.ofMillis(30));
    }

    @Test
    void aSingleDurationIsARangeWithoutSpread() {
        assertThat(DurationText.parseRange("30ms").spread()).isZero();
    }

    @Test
    void aBackwardRangeIsRefused() {
        assertThatThrownBy(() -> DurationText.parseRange("50ms..20ms"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shorter duration first");
    }

    @Test
    void somethingElseIsRefusedWithAnExample() {
        assertThatThrownBy(() -> DurationText.parse("soon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("500ms");
    }
}
