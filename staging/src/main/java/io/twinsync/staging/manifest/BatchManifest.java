package io.twinsync.staging.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What happened to a batch. Each stage fills in its own section when it finishes; a missing section means the
 * stage has not run (or did not finish) for this batch.
 *
 * @param replayOf for a replay, the batch whose twin files it wrote again; null for a batch of its own
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchManifest(
        String format,
        String batchId,
        Instant createdAt,
        ExtractSummary extract,
        TransformSummary transform,
        WriteSummary write,
        String replayOf) {

    public static final String FORMAT = "twinsync.batch/1";

    public static BatchManifest start(String batchId, Instant createdAt) {
        return new BatchManifest(FORMAT, batchId, createdAt, null, null, null, null);
    }

    /** The manifest a replay of {@code original} starts with. */
    public static BatchManifest replay(String batchId, Instant createdAt, String original) {
        return new BatchManifest(FORMAT, batchId, createdAt, null, null, null, original);
    }

    public BatchManifest withExtract(ExtractSummary summary) {
        return new BatchManifest(format, batchId, createdAt, summary, transform, write, replayOf);
    }

    public BatchManifest withTransform(TransformSummary summary) {
        return new BatchManifest(format, batchId, createdAt, extract, summary, write, replayOf);
    }

    public BatchManifest withWrite(WriteSummary summary) {
        return new BatchManifest(format, batchId, createdAt, extract, transform, summary, replayOf);
    }
}
