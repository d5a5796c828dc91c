package io.twinsync.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.orchestrator.state.TargetDrift;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.staging.manifest.ExtractSummary;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.staging.manifest.WriteSummary;
import io.twinsync.writer.report.RequestTimeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds a batch's report from what the batch holds (its manifest, rejects, results and request timelines, all
 * streamed) and writes it into the batch as {@value #JSON} and {@value #HTML}, so that it is archived with it.
 */
public final class BatchReports {

    public static final String JSON = "report.json";
    public static final String HTML = "report.html";
    static final int TOP_ERRORS = 10;

    private BatchReports() {}

    /**
     * What the batch's job knew that its files do not say.
     *
     * @param writeSkipped a {@code --no-write} batch
     * @param fullCompare the run was a full compare (which repairs the drift it found)
     * @param job how the job stood (COMPLETED, FAILED, STOPPED), or null when unknown
     */
    public record Context(boolean writeSkipped, boolean fullCompare, String job) {}

    /** Builds the report and writes both files into the batch, replacing earlier ones. */
    public static BatchReport write(Batch batch, Context context) {
        BatchReport report = build(batch, context, Instant.now());
        try (StagedOutput out = batch.create(JSON)) {
            StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, report);
            out.commit();
        } catch (IOException e) {
            throw new StagingException("Cannot write " + JSON + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
        try (StagedOutput out = batch.create(HTML)) {
            out.write(ReportHtml.render(report).getBytes(StandardCharsets.UTF_8));
            out.commit();
        } catch (IOException e) {
            throw new StagingException("Cannot write " + HTML + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
        return report;
    }

    /** Where the batch's HTML report is, when it has one. */
    public static Optional<String> htmlReport(Batch batch) {
        return batch.exists(HTML) ? Optional.of(batch.location() + "/" + HTML) : Optional.empty();
    }

    /** The report of a batch as it is now. */
    public static BatchReport build(Batch batch, Context context, Instant now) {
        BatchManifest manifest = BatchManifests.read(batch);
        boolean driftLeft = !context.fullCompare()
                && TargetDrift.recorded(batch).map(drift -> !drift.clean()).orElse(false);
        ErrorTally errors = new ErrorTally();
        List<String> rejects = new ArrayList<>();
        for (String path : batch.list(BatchLayout.REJECTS)) {
            if (path.endsWith(".ndjson")) {
                rejects.add(path);
                eachLine(
                        batch,
                        path,
                        line -> errors.add(
                                line.path("stage").asText("transform"),
                                line.path("code").asText("?"),
                                line.path("entity").asText("") + " " + line.path("rowKey"),
                                line.path("reason").asText(""),
                                path));
            }
        }
        WriteTally tally = new WriteTally();
        WriteTimeline timeline = new WriteTimeline();
        List<String> results = new ArrayList<>();
        List<WriteSummary> partitions = new ArrayList<>();
        for (String path : batch.list(BatchLayout.RESULTS)) {
            if (path.endsWith(".ndjson")) {
                results.add(path);
                eachLine(batch, path, line -> tally.add(line, path, errors));
            } else if (path.endsWith(RequestTimeline.SUFFIX)) {
                timeline.add(RequestTimeline.read(batch, path));
            } else if (path.endsWith(".summary.json")) {
                partitions.add(readSummary(batch, path));
            }
        }
        timeline.addItems(tally.itemsPerSecond());
        WriteSummary finished = manifest.write() != null
                ? manifest.write()
                : partitions.stream().reduce(WriteSummary::plus).orElse(null);
        BatchReport.Write write = write(manifest.write(), tally, finished);
        return new BatchReport(
                BatchReport.FORMAT,
                manifest.batchId(),
                manifest.replayOf(),
                now,
                BatchResult.of(manifest, context.writeSkipped(), driftLeft),
                context.job(),
                stages(manifest.extract(), manifest.transform(), finished, write),
                manifest.extract(),
                manifest.transform(),
                write,
                errors.top(TOP_ERRORS),
                new BatchReport.Files(rejects, results),
                write == null ? null : timeline.build());
    }

    /**
     * The manifest's totals when the record step added them up; else what the partitions that finished left, so that
     * a failed batch still shows how far its write got.
     */
    private static BatchReport.Write write(WriteSummary recorded, WriteTally tally, WriteSummary partitions) {
        if (recorded != null) {
            return new BatchReport.Write(
                    recorded.target(),
                    true,
                    recorded.twins(),
                    recorded.relationships(),
                    recorded.requests(),
                    recorded.retried(),
                    recorded.throttled(),
                    tally.byEntity());
        }
        if (tally.isEmpty() && partitions == null) {
            return null;
        }
        Optional<WriteSummary> sum = Optional.ofNullable(partitions);
        return new BatchReport.Write(
                sum.map(WriteSummary::target).orElse(null),
                false,
                tally.twins(),
                tally.relationships(),
                sum.map(WriteSummary::requests).orElse(0L),
                sum.map(WriteSummary::retried).orElse(0L),
                sum.map(WriteSummary::throttled).orElse(0L),
                tally.byEntity());
    }

    /** @param writeTimes the write's start and end (the manifest's, or the finished partitions') */
    static List<BatchReport.Stage> stages(
            ExtractSummary extract, TransformSummary transform, WriteSummary writeTimes, BatchReport.Write write) {
        List<BatchReport.Stage> stages = new ArrayList<>();
        if (extract != null) {
            stages.add(stage("extract", extract.startedAt(), extract.finishedAt(), extract.totalRows(), "rows"));
        }
        if (transform != null) {
            stages.add(stage("transform", transform.startedAt(), transform.finishedAt(), transform.rowsRead(), "rows"));
        }
        if (write != null) {
            stages.add(stage(
                    "write",
                    writeTimes == null ? null : writeTimes.startedAt(),
                    writeTimes == null ? null : writeTimes.finishedAt(),
                    write.twins().total() + write.relationships().total(),
                    "twins and relationships"));
        }
        return stages;
    }

    static BatchReport.Stage stage(String name, Instant from, Instant to, long items, String unit) {
        Double seconds =
                from == null || to == null ? null : Duration.between(from, to).toMillis() / 1000.0;
        Double rate = seconds == null || seconds <= 0 ? null : Math.round(items / seconds * 10) / 10.0;
        return new BatchReport.Stage(name, from, to, items, unit, seconds, rate);
    }

    private static WriteSummary readSummary(Batch batch, String path) {
        try (InputStream in = batch.open(path)) {
            return StagingJson.mapper().readValue(in, WriteSummary.class);
        } catch (IOException e) {
            throw new StagingException("Cannot read " + path + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }

    private static void eachLine(Batch batch, String path, Consumer<JsonNode> each) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(batch.open(path), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    each.accept(StagingJson.mapper().readTree(line));
                }
            }
        } catch (IOException e) {
            throw new StagingException("Cannot read " + path + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }
}
