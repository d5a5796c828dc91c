package io.twinsync.orchestrator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.extract.copied.CopiedRowsFolder;
import io.twinsync.extract.copied.CopyPlanFile;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.orchestrator.job.CopyPlan;
import io.twinsync.orchestrator.job.DataFactoryHandOff;
import io.twinsync.orchestrator.state.TargetState;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.transform.mapping.Mapping;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code twinsync copy-plan}: the Copy activities a Data Factory pipeline runs for the mapping ({@link CopyPlan}),
 * printed as JSON and, as a Custom activity, written as its {@code outputs.json} for a ForEach to iterate; with
 * {@code --rows-from}, also into the copies' folder, where {@code run --rows-from} reads how each entity was copied.
 */
@Component
@Scope("prototype")
@Command(
        name = "copy-plan",
        mixinStandardHelpOptions = true,
        description = {
            "Prints what a Data Factory pipeline's Copy activities copy for the mapping: per entity, its name, the"
                    + " query to run on the ERP (the mapping's query, or SELECT * FROM its table; for an entity with a"
                    + " watermark the target's state keeps, only the rows above it) and the file to write"
                    + " ({name}.json), which 'twinsync run --rows-from' stages. As an Azure Batch task (Data Factory"
                    + " Custom activity) it also writes them to outputs.json. Reads neither the ERP nor the target.",
            "Exit codes: 0 done; 2 wrong command line; 1 the mapping or the sync state could not be read."
        })
public class CopyPlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--rows-from",
            paramLabel = "FOLDER",
            description = "Also write the plan into FOLDER (incoming/<pipeline run id>), the folder the copies go to,"
                    + " so that 'twinsync run --rows-from FOLDER' reads each entity as it was copied (whole, or above"
                    + " its watermark).")
    String rowsFrom;

    @Option(
            names = "--whole",
            description = "Copy every entity whole, ignoring the kept watermarks: for a 'run --full-compare'.")
    boolean whole;

    private final ObjectProvider<Mapping> mapping;
    private final StagingStore staging;
    private final TwinGraphTarget target;

    public CopyPlanCommand(ObjectProvider<Mapping> mapping, StagingStore staging, TwinGraphTarget target) {
        this.mapping = mapping;
        this.staging = staging;
        this.target = target;
    }

    @Override
    public Integer call() throws Exception {
        CopiedRowsFolder folder = null;
        if (rowsFrom != null) {
            try {
                folder = CopiedRowsFolder.parse(rowsFrom);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--rows-from: " + e.getMessage());
            }
        }
        ObjectNode plan = CopyPlan.of(mapping.getObject(), TargetState.of(staging, target.stateKey()), whole);
        if (folder != null) {
            CopyPlanFile.write(staging.incoming(), folder, plan);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(plan));
        out.flush();
        String workingDir = System.getenv(DataFactoryHandOff.TASK_WORKING_DIR);
        if (workingDir != null && !workingDir.isBlank()) {
            DataFactoryHandOff.writeOutputs(Path.of(workingDir), plan);
        }
        return ExitCode.OK.code();
    }
}
