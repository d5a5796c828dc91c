package io.twinsync.staging.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What happened to a batch. Each stage fills in its own section when it finishes; a missing section means the
 * stage has not run (or did not finish) for this batch.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchManifest(
        String format,
        String batchId,
        Instant createdAt,
        ExtractSummary extract,
        TransformSummary transform,
        WriteSummary write) {

    public static final String FORMAT = "twinsync.batch/1";

    public static BatchManifest start(String batchId, Instant createdAt) {
        return new BatchManifest(FORMAT, batchId, createdAt, null, null, null);
    }

    public BatchManifest withExtract(ExtractSummary summary) {
        return new BatchManifest(format, batchId, createdAt, summary, transform, write);
    }

    public BatchManifest withTransform(TransformSummary summary) {
        return new BatchManifest(format, batchId, createdAt, extract, summary, write);
    }

    public BatchManifest withWrite(WriteSummary summary) {
        return new BatchManifest(format, batchId, createdAt, extract, transform, summary);
    }
}
