package io.twinsync.orchestrator.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.twinsync.staging.manifest.ExtractSummary;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.staging.manifest.TransformSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A batch's report, {@code report.json}: what each stage did, per entity, how fast, what went wrong most often and
 * where all of it is listed, and the write over time. {@code report.html} shows the same numbers.
 *
 * <p>It names no folder of its own: it lives in the batch folder, which the archive step moves. Paths in it are
 * relative to that folder.
 *
 * @param result OK, DRIFT, PARTIAL or FAILED, as {@code run} says it
 * @param job how the batch's job stood when the report was written (COMPLETED, FAILED, STOPPED), when known
 * @param stages duration and rate of each stage that ran
 * @param extract the manifest's extract section; null when the extract did not finish
 * @param transform the manifest's transform section; null when the transform did not finish
 * @param write the write's outcome; null when nothing was written
 * @param errors the most frequent problems, most frequent first
 * @param files where the rejected rows and the per-item results are listed, relative to the batch folder
 * @param timeline the write over time, for the chart; null when nothing was written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchReport(
        String format,
        String batchId,
        String replayOf,
        Instant generatedAt,
        BatchResult result,
        String job,
        List<Stage> stages,
        ExtractSummary extract,
        TransformSummary transform,
        Write write,
        List<TopError> errors,
        Files files,
        Timeline timeline) {

    public static final String FORMAT = "twinsync.report/1";

    /**
     * One stage's time and throughput.
     *
     * @param name extract, transform or write
     * @param items what the stage went through: rows read (extract, transform), twins and relationships (write)
     * @param unit what {@code items} counts
     * @param seconds how long it took; null when a time is missing
     * @param perSecond items per second; null when it took no measurable time
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stage(
            String name,
            Instant startedAt,
            Instant finishedAt,
            long items,
            String unit,
            Double seconds,
            Double perSecond) {}

    /**
     * What the write did.
     *
     * @param recorded true when the totals are the manifest's (the record step added up every partition); false when
     *     the batch did not get that far and they are counted from the results files its partitions left
     * @param byEntity the twins and relationships per entity of their twin file, from the results lines
     */
    public record Write(
            String target,
            boolean recorded,
            OutcomeCounts twins,
            OutcomeCounts relationships,
            long requests,
            long retried,
            long throttled,
            Map<String, EntityWrite> byEntity) {}

    /** What the write did to one entity's twins and relationships. */
    public record EntityWrite(OutcomeCounts twins, OutcomeCounts relationships) {}

    /**
     * One kind of problem.
     *
     * @param stage transform (a rejected row) or write (a failed twin or relationship)
     * @param code the reject code or the service's error code
     * @param examples up to three, in the order met
     * @param listedIn the files of the batch that list every one of them
     */
    public record TopError(String stage, String code, long count, List<Example> examples, List<String> listedIn) {}

    /** One occurrence: the row's entity and key, or the item's id, and what was said about it. */
    public record Example(String id, String message) {}

    /** Files of the batch, relative to its folder. */
    public record Files(List<String> rejects, List<String> results) {}

    /**
     * The write in buckets of {@code bucketSeconds}, from its first second to its last.
     *
     * @param source what the numbers count
     */
    public record Timeline(int bucketSeconds, String source, List<Bucket> buckets) {}

    /**
     * One bucket of the write.
     *
     * @param at the bucket's start
     * @param requests requests sent to the target in it (retries included)
     * @param throttled answers 429 received in it
     * @param items twins and relationships the writer was done with in it
     */
    public record Bucket(Instant at, long requests, long throttled, long items) {}
}
