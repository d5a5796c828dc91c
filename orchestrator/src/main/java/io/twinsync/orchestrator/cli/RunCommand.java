package io.twinsync.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.extract.copied.CopiedRowsFolder;
import io.twinsync.orchestrator.job.DataFactoryHandOff;
import io.twinsync.orchestrator.report.BatchReports;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifests;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code twinsync run}: one batch, from ERP rows to twins. */
@Component
@Scope("prototype")
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one batch: extracts the mapped entities from the ERP (or stages the rows Data Factory copied, with"
                    + " --rows-from), transforms the rows into one file per twin, and writes the changes to Azure"
                    + " Digital Twins.",
            "Exit codes: 0 all done (or, with twinsync.writer.backend=data-factory, handed to the pipeline; with"
                    + " --dry-run, nothing to write); 3 done, but rows were rejected, twins failed or the graph had"
                    + " drifted (see the batch folder; with --dry-run, rows rejected or items the write would fail);"
                    + " 4 another run holds the target, a batch handed to Data Factory is not recorded yet, or another"
                    + " twinsync process holds the embedded emulator (the message names it; try again later); 5 with"
                    + " --dry-run, the plan has something to write; 2 wrong command line; 1 the batch could not run."
        })
public class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--full-compare",
            description = "Make the graph exactly what the source says: read every row (ignoring watermarks) and the"
                    + " mapped twins and relationships from ADT (by query, a page per 1,000), create what is missing,"
                    + " patch what differs, and delete the twins of mapped models that no row produces (under the"
                    + " missingLimit guard) and the relationships of stale: remove names that no row gives. Use after"
                    + " the graph was changed by other means, or when 'twinsync drift' finds drift.")
    boolean fullCompare;

    @Option(
            names = "--verify",
            description = "Check the graph for drift first (as 'twinsync drift' does; also every"
                    + " twinsync.drift.every-runs runs). Drift makes the run end DRIFT (exit 3), or, with"
                    + " twinsync.drift.repair, a full compare that repairs it.")
    boolean verify;

    @Option(
            names = "--no-write",
            description = "Extract and transform only; write nothing to ADT. For a first load through"
                    + " 'twinsync import-file', or to inspect the twin files before they are written.")
    boolean noWrite;

    @Option(
            names = "--dry-run",
            description = "Extract and transform, then print what the write would do instead of writing: the models"
                    + " to upload, the twins and relationships to create, patch (each value, old and new) and"
                    + " delete, and counts per entity. Reads from ADT only what the write would read (the sync state"
                    + " makes most of it free); records nothing, so the next run is unaffected. The whole plan is"
                    + " kept in the batch's plan.json and printed by --output json. Exit code 5 when there is"
                    + " something to write, 0 when there is nothing.")
    boolean dryRun;

    @Option(
            names = "--resume",
            arity = "0..1",
            paramLabel = "BATCH",
            fallbackValue = BatchRun.Options.LATEST,
            description = "Resume a batch that failed or was killed, where it stopped: completed steps and write"
                    + " partitions are not redone and the ERP is not read again when the extract completed. Without"
                    + " BATCH, the target's latest batch, if it did not complete. Only the target's latest batch can be"
                    + " resumed: an older one would write older data over newer.")
    String resume;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            description = "Write in N partitions (1 to 64), each restartable on its own, sharing one rate budget."
                    + " Default: twinsync.writer.partitions, else one per processor core (at least 2).")
    Integer partitions;

    @Option(
            names = "--rows-from",
            paramLabel = "FOLDER",
            description = "Stage the rows a Data Factory Copy activity copied instead of reading the source: FOLDER is"
                    + " below incoming/ in the staging area (incoming/<pipeline run id>) and holds one {entity}.json"
                    + " per mapped entity, one JSON object per line (a JSON sink, setOfObjects). An entity counts as"
                    + " read whole unless the folder's copy plan ('twinsync copy-plan --rows-from') copied it above"
                    + " its watermark. Lines that are not JSON objects, lack a key column or hold a value of another"
                    + " type are set aside in the batch's rejects/extract.ndjson (exit 3). See"
                    + " deploy/adf-copy/README.md.")
    String rowsFrom;

    @Mixin
    OutputFormat output;

    private final BatchRun batchRun;
    private final StagingStore staging;

    public RunCommand(BatchRun batchRun, StagingStore staging) {
        this.batchRun = batchRun;
        this.staging = staging;
    }

    @Override
    public Integer call() throws Exception {
        if (partitions != null && (partitions < 1 || partitions > 64)) {
            throw new ParameterException(spec.commandLine(), "--partitions must be 1 to 64, was " + partitions);
        }
        if (resume != null && (fullCompare || noWrite || dryRun || partitions != null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--resume continues a batch with the options it started with; drop --full-compare, --no-write,"
                            + " --dry-run and --partitions");
        }
        if (dryRun && (noWrite || verify)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--dry-run plans the write without making it; drop --no-write (which skips the plan too) and"
                            + " --verify (run 'twinsync drift' for that)");
        }
        if (resume != null && rowsFrom != null) {
            throw new ParameterException(
                    spec.commandLine(), "--resume continues a batch with the rows it started with; drop --rows-from");
        }
        CopiedRowsFolder copied = null;
        if (rowsFrom != null) {
            try {
                copied = CopiedRowsFolder.parse(rowsFrom);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--rows-from: " + e.getMessage());
            }
        }
        boolean json = output.json();
        BatchRun.Outcome outcome = batchRun.run(
                new BatchRun.Options(fullCompare, verify, noWrite, dryRun, resume, partitions, copied),
                output.humanOutput(),
                spec.commandLine().getErr());
        if (json) {
            output.print(document(outcome));
        }
        writeCustomActivityOutputs(outcome);
        return outcome.exitCode().code();
    }

    /**
     * As a Data Factory Custom activity (Azure Batch sets {@value DataFactoryHandOff#TASK_WORKING_DIR}), the run's
     * document (as {@code --output json} prints it) is its {@code outputs.json}, the activity's {@code customOutput}:
     * the pipeline reads the result and counts of {@code run --resume} there. A hand-off wrote its partition list
     * there already, and a run that could not start has no batch to tell of: its exit code fails the activity.
     */
    private void writeCustomActivityOutputs(BatchRun.Outcome outcome) {
        String workingDir = System.getenv(DataFactoryHandOff.TASK_WORKING_DIR);
        if (workingDir == null
                || workingDir.isBlank()
                || outcome.batchId() == null
                || BatchRun.HANDED_OFF.equals(outcome.result())) {
            return;
        }
        DataFactoryHandOff.writeOutputs(Path.of(workingDir), document(outcome));
    }

    /**
     * The run for a pipeline: the batch, its result and exit code, where it and its report are, and its manifest (what each stage
     * did). A run that could not start prints nothing here: its exit code and message say why.
     */
    private JsonNode document(BatchRun.Outcome outcome) {
        ObjectNode document = StagingJson.mapper().createObjectNode();
        document.put("batch", outcome.batchId());
        document.put("result", outcome.result());
        document.put("exitCode", outcome.exitCode().code());
        if (outcome.plan() != null) {
            document.set("plan", StagingJson.mapper().valueToTree(outcome.plan()));
        }
        if (outcome.batchId() != null) {
            try {
                Batch batch = staging.openBatch(new BatchId(outcome.batchId()));
                document.put("location", batch.location());
                BatchReports.htmlReport(batch).ifPresent(report -> document.put("report", report));
                document.set("manifest", StagingJson.mapper().valueToTree(BatchManifests.read(batch)));
            } catch (StagingException e) {
                // The run's result stands; say why its record is missing rather than print no document.
                document.put("manifestError", e.getMessage());
            }
        }
        return document;
    }
}
