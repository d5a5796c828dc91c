package io.twinsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.emulator.faults.Faults;
import io.twinsync.emulator.limits.ApiClass;
import io.twinsync.emulator.limits.RateLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TuningOptionsTests {

    @Test
    void withoutFlagsTheBuilderDefaultsApply() {
        // when
        TuningOptions options = new TuningOptions();

        // then
        assertThat(options.rateLimits()).isEqualTo(AdtEmulator.DEFAULT_RATE_LIMITS);
        assertThat(options.faults()).isEqualTo(Faults.none());
        assertThat(options.workerThreads()).isEqualTo(AdtEmulator.DEFAULT_WORKER_THREADS);
    }

    @Test
    void refuseAccessMakesTheEmulatorAnswerEveryRequest403AsAdtDoesWithoutARole() throws Exception {
        // given
        TuningOptions options = new TuningOptions();
        options.enable("--refuse-access");

        // when an emulator is started with the options
        try (AdtEmulator emulator = options.applyTo(TestEmulators.builder()).start()) {
            java.net.http.HttpResponse<String> answer = new RawHttp(emulator).get("/models");

            // then
            assertThat(options.refuseAccess()).isTrue();
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).isEmpty();
        }
        assertThat(TuningOptions.SWITCHES).contains("--refuse-access");
        assertThatThrownBy(() -> options.enable("--refuse")).hasMessageContaining("Unknown option '--refuse'");
    }

    @Test
    void threadsSetTheWorkerThreadsAndRefuseWhatIsNoCount() {
        // given
        TuningOptions options = new TuningOptions();

        // when
        options.set("--threads", "64");

        // then
        assertThat(options.workerThreads()).isEqualTo(64);
        for (String wrong : new String[] {"0", "-3", "many", "5000"}) {
            assertThatThrownBy(() -> options.set("--threads", wrong))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--threads takes a whole number from 1 to 1024");
        }
    }

    @Test
    void singleLimitsApplyOnTopOfTheChosenSetWhateverTheOrder() {
        // given
        TuningOptions options = new TuningOptions();

        // when
        options.set("--limit", "reads=2000");
        options.set("--limits", "service");

        // then
        assertThat(options.rateLimits()).isEqualTo(RateLimits.defaults().with(ApiClass.TWIN_READS, 2_000));
    }

    @Test
    void faultFlagsBuildTheFaults() {
        // given
        TuningOptions options = new TuningOptions();

        // when
        options.set("--fail-rate", "0.05");
        options.set("--fail-status", "500");
        options.set("--latency", "20ms..50ms");
        options.set("--drop-rate", "0.01");
        options.set("--consistency-delay", "500ms");
        options.set("--fault-seed", "42");

        // then
        assertThat(options.faults())
                .isEqualTo(Faults.none()
                        .withFailures(0.05, 500)
                        .withLatency(Duration.ofMillis(20), Duration.ofMillis(30))
                        .withDropRate(0.01)
                        .withConsistencyDelay(Duration.ofMillis(500))
                        .withSeed(42));
    }

    @Test
    void aBadValueSaysWhatWasExpected() {
        assertThatThrownBy(() -> new TuningOptions().set("--fail-rate", "five percent"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--fail-rate takes a share between 0 and 1");
    }
}
