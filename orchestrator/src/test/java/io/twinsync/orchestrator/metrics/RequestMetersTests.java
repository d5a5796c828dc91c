package io.twinsync.orchestrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.twinsync.writer.limit.ApiClass;
import io.twinsync.writer.retry.RequestListener.RequestOutcome;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestMetersTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RequestMeters meters = new RequestMeters(registry);

    @Test
    void eachRequestCountsOnceUnderItsApiClassOutcomeAndRetryFlag() {
        // given three twin creates, one throttled and retried, and a refused patch
        meters.ended(ApiClass.CREATES_DELETES, RequestOutcome.OK, false, 1_000_000);
        meters.ended(ApiClass.CREATES_DELETES, RequestOutcome.THROTTLED, false, 2_000_000);
        meters.ended(ApiClass.CREATES_DELETES, RequestOutcome.OK, true, 3_000_000);
        meters.ended(ApiClass.PATCHES, RequestOutcome.REFUSED, false, 4_000_000);

        // then
        assertThat(requests("creates-deletes", "ok", "false")).isEqualTo(1);
        assertThat(requests("creates-deletes", "throttled", "false")).isEqualTo(1);
        assertThat(requests("creates-deletes", "ok", "true")).isEqualTo(1);
        assertThat(requests("patches", "refused", "false")).isEqualTo(1);
        assertThat(registry.get(RequestMeters.REQUESTS).counters().stream()
                        .mapToDouble(c -> c.count())
                        .sum())
                .isEqualTo(4);
        assertThat(registry.get(RequestMeters.REQUESTS).tag("api_class", "creates-deletes").counters().stream()
                        .mapToDouble(c -> c.count())
                        .sum())
                .isEqualTo(3);
    }

    @Test
    void latencyIsTimedByApiClass() {
        // given
        meters.ended(ApiClass.READS, RequestOutcome.OK, false, 20_000_000);
        meters.ended(ApiClass.READS, RequestOutcome.TRANSIENT, false, 40_000_000);
        meters.ended(ApiClass.MODELS, RequestOutcome.OK, false, 7_000_000);

        // then
        Timer reads =
                registry.get(RequestMeters.LATENCY).tag("api_class", "reads").timer();
        assertThat(reads.count()).isEqualTo(2);
        assertThat(reads.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(60.0);
        assertThat(reads.max(TimeUnit.MILLISECONDS)).isEqualTo(40.0);
        assertThat(registry.get(RequestMeters.LATENCY)
                        .tag("api_class", "models")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(RequestMeters.LATENCY)
                        .tag("api_class", "queries")
                        .timer()
                        .count())
                .isZero();
    }

    @Test
    void everyClassOutcomeAndRetryFlagIsThereAtZeroBeforeAnyRequest() {
        assertThat(registry.get(RequestMeters.REQUESTS).counters())
                .hasSize(ApiClass.values().length * RequestOutcome.values().length * 2)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
    }

    private double requests(String apiClass, String outcome, String retry) {
        return registry.get(RequestMeters.REQUESTS)
                .tag("api_class", apiClass)
                .tag("outcome", outcome)
                .tag("retry", retry)
                .counter()
                .count();
    }
}
