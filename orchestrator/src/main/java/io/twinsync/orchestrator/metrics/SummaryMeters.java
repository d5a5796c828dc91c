package io.twinsync.orchestrator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.staging.manifest.WriteSummary;

/**
 * {@link WriteMeters} as counters: {@value #ITEMS} by {@code kind} ({@code twins}, {@code relationships}) and {@code
 * outcome} ({@code created}, {@code patched}, {@code unchanged}, {@code deleted}, {@code failed}, {@code skipped}),
 * and the summary's request counts, {@value #REQUESTS}, {@value #RETRIED} and {@value #THROTTLED}.
 */
final class SummaryMeters implements WriteMeters {

    static final String ITEMS = "twinsync.items";
    static final String REQUESTS = "twinsync.write.requests";
    static final String RETRIED = "twinsync.write.retried";
    static final String THROTTLED = "twinsync.write.throttled";

    private final MeterRegistry registry;

    SummaryMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void recorded(WriteSummary summary) {
        items("twins", summary.twins());
        items("relationships", summary.relationships());
        count(REQUESTS, "Requests the batches' writes sent, from their summaries (every back-end)", summary.requests());
        count(RETRIED, "Of those, requests sent again", summary.retried());
        count(THROTTLED, "Requests the service throttled (429), from the write summaries", summary.throttled());
    }

    private void items(String kind, OutcomeCounts counts) {
        item(kind, "created", counts.created());
        item(kind, "patched", counts.patched());
        item(kind, "unchanged", counts.unchanged());
        item(kind, "deleted", counts.deleted());
        item(kind, "failed", counts.failed());
        item(kind, "skipped", counts.skipped());
    }

    private void item(String kind, String outcome, long count) {
        Counter.builder(ITEMS)
                .description("Twins and relationships the batches' writes handled, by outcome")
                .tag("kind", kind)
                .tag("outcome", outcome)
                .register(registry)
                .increment(count);
    }

    private void count(String name, String description, long count) {
        Counter.builder(name).description(description).register(registry).increment(count);
    }
}
