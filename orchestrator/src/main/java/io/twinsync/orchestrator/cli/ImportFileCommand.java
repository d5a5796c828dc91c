package io.twinsync.orchestrator.cli;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.StagingStore;
import io.twinsync.transform.importfile.ImportFileSummary;
import io.twinsync.transform.importfile.ImportFileWriter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code twinsync import-file}: writes a batch as one ADT Import Jobs file, for first loads. */
@Component
@Scope("prototype")
@Command(
        name = "import-file",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a batch's models, twins and relationships as one ADT Import Jobs NDJSON file (import/import.ndjson"
                    + " in the batch folder), for a first load through the bulk import API.",
            "For a first load: './twinsync run --no-write', then 'twinsync import-file', upload the file to Blob"
                    + " Storage and start an import job."
        })
public class ImportFileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--batch", paramLabel = "<id>", description = "The batch (default: the latest).")
    String batchId;

    @Option(
            names = "--organization",
            defaultValue = "twinsync",
            description = "The organization named in the file's header (default: ${DEFAULT-VALUE}).")
    String organization;

    private final StagingStore staging;

    public ImportFileCommand(StagingStore staging) {
        this.staging = staging;
    }

    @Override
    public Integer call() {
        BatchId id;
        if (batchId != null) {
            id = new BatchId(batchId);
        } else {
            id = staging.latestBatch().orElse(null);
            if (id == null) {
                spec.commandLine()
                        .getErr()
                        .printf("No batches in %s; 'twinsync run --no-write' makes one.%n", staging.location());
                return ExitCode.FAILED.code();
            }
        }
        Batch batch = staging.openBatch(id);
        ImportFileSummary summary = new ImportFileWriter(organization).write(batch);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s/%s%n", batch.location(), summary.path());
        out.printf(
                Locale.ROOT,
                "  %,d models, %,d twins, %,d relationships (%,d tombstones left out: an import only creates)%n",
                summary.models(),
                summary.twins(),
                summary.relationships(),
                summary.tombstonesSkipped());
        out.flush();
        return ExitCode.OK.code();
    }
}
