package io.twinsync.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultsTests {

    @Test
    void noneInjectsNothing() {
        assertThat(Faults.none().enabled()).isFalse();
        assertThat(Faults.none().describe()).isEqualTo("none");
    }

    @Test
    void withersCombineAndDescribeThemselves() {
        // when
        Faults faults = Faults.none()
                .withFailures(0.05, 503)
                .withLatency(Duration.ofMillis(20), Duration.ofMillis(30))
                .withDropRate(0.01)
                .withConsistencyDelay(Duration.ofMillis(500))
                .withSeed(42);

        // then
        assertThat(faults.enabled()).isTrue();
        assertThat(faults.describe())
                .isEqualTo("fail 5% (503), latency 20ms..50ms, drop 1%, consistency delay 500ms, seed 42");
    }

    @Test
    void aShareAboveOneIsRefused() {
        assertThatThrownBy(() -> Faults.none().withDropRate(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dropRate must be between 0 and 1");
    }

    @Test
    void failuresAndDropsTogetherCannotExceedEveryRequest() {
        assertThatThrownBy(() -> Faults.none().withFailRate(0.6).withDropRate(0.6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("together exceed 1");
    }

    @Test
    void onlyServerErrorsCanBeInjected() {
        assertThatThrownBy(() -> Faults.none().withFailStatus(404))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("500, 502, 503, 504");
    }

    @Test
    void theSameSeedRollsTheSameDice() {
        // given
        FaultDice first = new FaultDice(Faults.none().withSeed(7).seed());
        FaultDice second = new FaultDice(Faults.none().withSeed(7).seed());

        // when
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            a.append(first.roll(0.3) ? 'x' : '.');
            b.append(second.roll(0.3) ? 'x' : '.');
        }

        // then
        assertThat(a.toString()).isEqualTo(b.toString()).contains("x").contains(".");
    }
}
