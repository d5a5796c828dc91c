package io.twinsync.orchestrator.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.staging.Batch;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.writer.Partition;
import io.twinsync.writer.limit.RateLimits;

/**
 * What a partition's twin-writer-task is told in {@code activity.json}'s {@code typeProperties.extendedProperties}:
 * one home for the {@code processes} back-end, which writes the file itself, and the {@code data-factory} back-end,
 * whose partition list hands the same settings to the pipeline's Custom activities. The phase is the caller's to add.
 */
final class TaskSettings {

    private TaskSettings() {}

    /**
     * The settings of one partition of the batch's write. Separate processes cannot share one limiter, so each gets
     * its share of the rate budget and of the requests in flight. Nothing secret: a task signs in from its own
     * environment (a managed identity on Azure Batch), never from these settings.
     */
    static ObjectNode of(
            TwinsyncProperties properties,
            TwinGraphTarget target,
            Batch batch,
            Partition partition,
            boolean fullCompare) {
        TwinsyncProperties.Writer writer = properties.writer();
        ObjectNode extended = StagingJson.mapper().createObjectNode();
        extended.put("batch", batch.location());
        extended.put("endpoint", target.target().endpoint().toString());
        extended.put("targetKey", target.stateKey());
        extended.put("partition", partition.toString());
        double share = RateLimits.parseShare(writer.rateShare()) / partition.count();
        extended.put("rateShare", Double.toString(share));
        extended.put("concurrency", WritePartitions.concurrencyShare(writer.concurrency(), partition));
        ObjectNode limits = extended.putObject("limits");
        writer.limits().forEach(limits::put);
        extended.put("fullCompare", fullCompare);
        extended.put("throttleBudget", writer.throttleBudget().toString());
        extended.put("unreachableAfter", writer.unreachableAfter().toString());
        return extended;
    }
}
