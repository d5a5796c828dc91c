package io.twinsync.orchestrator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.twinsync.writer.limit.ApiClass;
import io.twinsync.writer.retry.RequestListener;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The writer's requests as meters: {@value #REQUESTS} counts every request that ended, tagged {@code api_class}
 * ({@link ApiClass#key()}), {@code outcome} ({@code ok}, {@code throttled}, {@code transient}, {@code refused}) and
 * {@code retry} ({@code true} for a request sent again); {@value #LATENCY} times them by {@code api_class}, with a
 * few fixed histogram buckets (no percentiles computed in process). Every meter is registered up front, so that a
 * request costs an array look-up and an increment, and an outcome that never happened shows as 0, not as absent.
 */
final class RequestMeters implements RequestListener {

    static final String REQUESTS = "twinsync.requests";
    static final String LATENCY = "twinsync.request.latency";

    /** Latency buckets: ADT answers in tens of milliseconds; seconds mean throttling or trouble. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    private final Counter[][][] requests = new Counter[ApiClass.values().length][RequestOutcome.values().length][2];
    private final Timer[] latency = new Timer[ApiClass.values().length];

    RequestMeters(MeterRegistry registry) {
        for (ApiClass apiClass : ApiClass.values()) {
            for (RequestOutcome outcome : RequestOutcome.values()) {
                for (int retry = 0; retry < 2; retry++) {
                    requests[apiClass.ordinal()][outcome.ordinal()][retry] = Counter.builder(REQUESTS)
                            .description("Requests the writer sent to ADT, as they ended")
                            .tag("api_class", apiClass.key())
                            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                            .tag("retry", Boolean.toString(retry == 1))
                            .register(registry);
                }
            }
            latency[apiClass.ordinal()] = Timer.builder(LATENCY)
                    .description("From sending a request to ADT to its answer (or failure)")
                    .tag("api_class", apiClass.key())
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
        }
    }

    @Override
    public void ended(ApiClass apiClass, RequestOutcome outcome, boolean retry, long nanos) {
        requests[apiClass.ordinal()][outcome.ordinal()][retry ? 1 : 0].increment();
        latency[apiClass.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
    }
}
