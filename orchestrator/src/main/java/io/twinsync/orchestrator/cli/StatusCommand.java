package io.twinsync.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.orchestrator.job.BatchExecutions;
import io.twinsync.orchestrator.job.SyncJobConfiguration;
import io.twinsync.orchestrator.report.BatchReports;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.staging.manifest.OutcomeCounts;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code twinsync status [BATCH]} (also {@code batches}): the batches with how each stands, from the batch's manifest
 * (what each stage did) and Spring Batch's job repository (how its job ended, whether it can be resumed). One command,
 * so that the two views cannot disagree.
 */
@Component
@Scope("prototype")
@Command(
        name = "status",
        aliases = "batches",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the batches, newest last: how each stands (OK, PARTIAL, FAILED and resumable with 'run --resume',"
                    + " running or interrupted), rows read and rejected, twins and relationships created, patched,"
                    + " unchanged, deleted and failed, how long it took, and whether it is archived.",
            "With a BATCH: its steps and write partitions as Spring Batch recorded them, its counts, and its most"
                    + " frequent errors with an example each and the file that lists them all."
        })
public class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BATCH", description = "One batch to show in detail.")
    String batch;

    @Option(
            names = "--last",
            defaultValue = "20",
            description = "How many of the newest to list (default: ${DEFAULT-VALUE}).")
    int last;

    @Mixin
    OutputFormat output;

    private final StagingStore staging;
    private final BatchExecutions executions;

    public StatusCommand(StagingStore staging, BatchExecutions executions) {
        this.staging = staging;
        this.executions = executions;
    }

    @Override
    public Integer call() {
        if (output.json()) {
            output.print(batch == null ? listJson() : detailJson(new BatchId(batch)));
            return ExitCode.OK.code();
        }
        return batch == null ? list() : detail(new BatchId(batch));
    }

    /** {@code {"staging": ..., "batches": [...]}}, newest last, each as {@link #batchJson} gives it. */
    private JsonNode listJson() {
        ObjectNode document = StagingJson.mapper().createObjectNode();
        document.put("staging", staging.location());
        ArrayNode batches = document.putArray("batches");
        List<BatchId> ids = staging.listBatches();
        Set<BatchId> archived = new HashSet<>(staging.archivedBatches());
        for (BatchId id : ids.subList(Math.max(0, ids.size() - last), ids.size())) {
            batches.add(batchJson(id, archived.contains(id)));
        }
        return document;
    }

    /** One batch: its state in the listing's words, its job's status, and its manifest (what each stage did). */
    private ObjectNode batchJson(BatchId id, boolean archived) {
        Optional<JobExecution> job = executions.lastExecution(id);
        ObjectNode json = StagingJson.mapper().createObjectNode();
        json.put("batch", id.value());
        json.put("archived", archived);
        json.put("jobStatus", job.map(e -> e.getStatus().name()).orElse(null));
        try {
            BatchManifest manifest = BatchManifests.read(staging.openBatch(id));
            json.put("state", BatchState.of(manifest, job.orElse(null)));
            json.set("manifest", StagingJson.mapper().valueToTree(manifest));
        } catch (StagingException e) {
            json.put("state", "no readable manifest: " + e.getMessage());
        }
        return json;
    }

    /** One batch with its steps and its most frequent problems. */
    private JsonNode detailJson(BatchId id) {
        Batch opened = staging.openBatch(id);
        ObjectNode json = batchJson(id, staging.archivedBatches().contains(id));
        json.put("location", opened.location());
        ArrayNode steps = json.putArray("steps");
        executions.lastExecution(id).ifPresent(execution -> execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .forEach(step -> steps.addObject()
                        .put("name", step.getStepName())
                        .put("status", step.getStatus().name())
                        .put("items", step.getWriteCount())
                        .put("seconds", secondsValue(step.getStartTime(), step.getEndTime()))));
        json.set("problems", BatchErrors.of(opened).toJson(opened.location()));
        return json;
    }

    private static Double secondsValue(LocalDateTime from, LocalDateTime to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis() / 1000.0;
    }

    private int list() {
        PrintWriter out = spec.commandLine().getOut();
        List<BatchId> ids = staging.listBatches();
        if (ids.isEmpty()) {
            out.printf("No batches in %s yet; 'twinsync run' makes one.%n", staging.location());
            return ExitCode.OK.code();
        }
        out.printf("Batches in %s:%n", staging.location());
        Set<BatchId> archived = new HashSet<>(staging.archivedBatches());
        for (BatchId id : ids.subList(Math.max(0, ids.size() - last), ids.size())) {
            out.println("  " + line(id, archived.contains(id)));
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private String line(BatchId id, boolean archived) {
        Optional<JobExecution> job = executions.lastExecution(id);
        StringBuilder line = new StringBuilder(id.value());
        try {
            BatchManifest manifest = BatchManifests.read(staging.openBatch(id));
            line.append("  ").append(BatchState.of(manifest, job.orElse(null)));
            if (manifest.replayOf() != null) {
                line.append("  replay of ").append(manifest.replayOf());
            }
            if (manifest.extract() != null) {
                line.append(String.format(
                        Locale.ROOT, "  %,d rows", manifest.extract().totalRows()));
            }
            if (manifest.transform() != null) {
                line.append(String.format(
                        Locale.ROOT, ", %,d rejected", manifest.transform().rowsRejected()));
            }
            if (manifest.write() != null) {
                line.append(counts("; twins", manifest.write().twins()));
                line.append(counts("; relationships", manifest.write().relationships()));
            } else {
                line.append("; not written");
            }
            job.map(StatusCommand::took).ifPresent(took -> line.append("; ").append(took));
            if (archived) {
                line.append("; archived");
            }
            return line.toString();
        } catch (StagingException e) {
            return line.append("  (no readable manifest: ")
                    .append(e.getMessage())
                    .append(')')
                    .toString();
        }
    }

    private int detail(BatchId id) {
        PrintWriter out = spec.commandLine().getOut();
        Batch opened = staging.openBatch(id);
        BatchManifest manifest = BatchManifests.read(opened);
        Optional<JobExecution> job = executions.lastExecution(id);
        out.printf("batch %s  %s%n", id, BatchState.of(manifest, job.orElse(null)));
        job.ifPresent(execution -> printSteps(out, execution));
        boolean noWrite = job.map(e -> "true".equals(e.getJobParameters().getString(SyncJobConfiguration.NO_WRITE)))
                .orElse(false);
        new RunReport(manifest, opened.location(), noWrite, false).printCounts(out);
        BatchErrors.of(opened).print(out, opened.location());
        BatchReports.htmlReport(opened).ifPresent(report -> out.printf("  report     %s%n", report));
        out.flush();
        return ExitCode.OK.code();
    }

    private static void printSteps(PrintWriter out, JobExecution execution) {
        out.printf(
                "  job        execution %d, started %s, %s%n",
                execution.getId(),
                execution.getStartTime() == null
                        ? "?"
                        : execution.getStartTime().truncatedTo(ChronoUnit.SECONDS),
                took(execution));
        execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .forEach(step -> out.printf(
                        Locale.ROOT,
                        "  %-30s %-10s %,8d items  %s%n",
                        step.getStepName()
                                .replace(SyncJobConfiguration.WRITE_TWINS_PARTITION + ":", "  twins ")
                                .replace(SyncJobConfiguration.WRITE_RELATIONSHIPS_PARTITION + ":", "  relationships "),
                        step.getStatus(),
                        step.getWriteCount(),
                        seconds(step.getStartTime(), step.getEndTime())));
    }

    private static String took(JobExecution execution) {
        if (execution.getStartTime() == null) {
            return "not started";
        }
        if (execution.getEndTime() == null) {
            return "no end recorded";
        }
        return seconds(execution.getStartTime(), execution.getEndTime());
    }

    private static String seconds(LocalDateTime from, LocalDateTime to) {
        if (from == null || to == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f s", Duration.between(from, to).toMillis() / 1000.0);
    }

    private static String counts(String what, OutcomeCounts counts) {
        String line = String.format(
                Locale.ROOT,
                "%s %,d created %,d patched %,d unchanged %,d deleted %,d failed",
                what,
                counts.created(),
                counts.patched(),
                counts.unchanged(),
                counts.deleted(),
                counts.failed());
        // only a replay skips (twins a newer batch wrote); other batches' lines stay as they were
        return counts.skipped() == 0 ? line : line + String.format(Locale.ROOT, " %,d skipped", counts.skipped());
    }
}
