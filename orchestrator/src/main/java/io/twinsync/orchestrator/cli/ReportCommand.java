package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.job.BatchExecutions;
import io.twinsync.orchestrator.job.BatchReportListener;
import io.twinsync.orchestrator.report.BatchReport;
import io.twinsync.orchestrator.report.BatchReports;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.json.StagingJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code twinsync report [BATCH]}: where a batch's report is ({@code report.html}, {@code report.json} in its folder);
 * writes it first for a batch that has none (one made before reports were), or again with {@code --regenerate}.
 */
@Component
@Scope("prototype")
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Says where a batch's report is: report.html (open it in a browser; it needs nothing else) and report.json,"
                    + " in the batch's folder. Every run writes one; for an older batch without one, this writes it.",
            "The report has each stage's counts, time and rate, outcomes per entity, the top errors with examples and"
                    + " the files that list them all, and a chart of the write's requests and throttling over time."
        })
public class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BATCH", description = "The batch (default: the newest).")
    String batch;

    @Option(names = "--regenerate", description = "Write the report again from what the batch holds now.")
    boolean regenerate;

    private final StagingStore staging;
    private final BatchExecutions executions;

    public ReportCommand(StagingStore staging, BatchExecutions executions) {
        this.staging = staging;
        this.executions = executions;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<BatchId> id = batch != null ? Optional.of(new BatchId(batch)) : staging.latestBatch();
        if (id.isEmpty()) {
            out.printf("No batches in %s yet; 'twinsync run' makes one, with its report.%n", staging.location());
            return ExitCode.OK.code();
        }
        Batch opened = staging.openBatch(id.get());
        String result;
        if (regenerate || !opened.exists(BatchReports.HTML) || !opened.exists(BatchReports.JSON)) {
            Optional<JobExecution> job = executions.lastExecution(id.get());
            JobParameters parameters = job.map(JobExecution::getJobParameters).orElseGet(JobParameters::new);
            BatchReport report = BatchReports.write(
                    opened,
                    BatchReportListener.context(
                            parameters, job.map(e -> e.getStatus().name()).orElse(null)));
            result = report.result().name();
            out.printf("twinsync report: batch %s, report written%n", id.get());
        } else {
            result = recordedResult(opened);
            out.printf("twinsync report: batch %s%n", id.get());
        }
        out.printf("  report     %s/%s%n", opened.location(), BatchReports.HTML);
        out.printf("  json       %s/%s%n", opened.location(), BatchReports.JSON);
        out.printf("  result     %s%n", result);
        out.flush();
        return ExitCode.OK.code();
    }

    private static String recordedResult(Batch batch) {
        try (InputStream in = batch.open(BatchReports.JSON)) {
            return StagingJson.mapper().readTree(in).path("result").asText("?");
        } catch (IOException e) {
            return "? (" + BatchReports.JSON + " cannot be read: " + e.getMessage()
                    + "; 'twinsync report --regenerate' writes it again)";
        }
    }
}
