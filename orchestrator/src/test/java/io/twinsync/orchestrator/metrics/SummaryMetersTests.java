package io.twinsync.orchestrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.staging.manifest.WriteSummary;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SummaryMetersTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SummaryMeters meters = new SummaryMeters(registry);

    @Test
    void eachRecordedWriteAddsItsItemsByKindAndOutcomeAndItsRequestCounts() {
        // given two batches' writes
        meters.recorded(summary(new OutcomeCounts(10, 2, 30, 1, 0), new OutcomeCounts(5, 0, 7, 0, 1), 60, 4, 3));
        meters.recorded(summary(new OutcomeCounts(0, 3, 40, 0, 0), OutcomeCounts.ZERO, 5, 0, 0));

        // then
        assertThat(items("twins", "created")).isEqualTo(10);
        assertThat(items("twins", "patched")).isEqualTo(5);
        assertThat(items("twins", "unchanged")).isEqualTo(70);
        assertThat(items("twins", "deleted")).isEqualTo(1);
        assertThat(items("relationships", "created")).isEqualTo(5);
        assertThat(items("relationships", "failed")).isEqualTo(1);
        assertThat(items("relationships", "skipped")).isZero();
        assertThat(registry.get(SummaryMeters.REQUESTS).counter().count()).isEqualTo(65);
        assertThat(registry.get(SummaryMeters.RETRIED).counter().count()).isEqualTo(4);
        assertThat(registry.get(SummaryMeters.THROTTLED).counter().count()).isEqualTo(3);
    }

    private double items(String kind, String outcome) {
        return registry.get(SummaryMeters.ITEMS)
                .tag("kind", kind)
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    private static WriteSummary summary(
            OutcomeCounts twins, OutcomeCounts relationships, long requests, long retried, long throttled) {
        Instant now = Instant.parse("2026-12-07T20:00:00Z");
        return new WriteSummary(now, now, "target", twins, relationships, requests, retried, throttled);
    }
}
