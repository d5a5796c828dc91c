package io.twinsync.orchestrator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.orchestrator.job.CopyPlan;
import io.twinsync.orchestrator.job.DataFactoryHandOff;
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
import picocli.CommandLine.Spec;

/**
 * {@code twinsync copy-plan}: the Copy activities a Data Factory pipeline runs for the mapping ({@link CopyPlan}),
 * printed as JSON and, as a Custom activity, written as its {@code outputs.json} for a ForEach to iterate.
 */
@Component
@Scope("prototype")
@Command(
        name = "copy-plan",
        mixinStandardHelpOptions = true,
        description = {
            "Prints what a Data Factory pipeline's Copy activities copy for the mapping: per entity, its name, the query"
                    + " to run on the ERP (the mapping's query, or SELECT * FROM its table) and the file to write"
                    + " ({name}.json), which 'twinsync run --rows-from' stages. As an Azure Batch task (Data Factory"
                    + " Custom activity) it also writes them to outputs.json. Reads neither the ERP nor the target.",
            "Exit codes: 0 done; 1 the mapping could not be loaded."
        })
public class CopyPlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final ObjectProvider<Mapping> mapping;

    public CopyPlanCommand(ObjectProvider<Mapping> mapping) {
        this.mapping = mapping;
    }

    @Override
    public Integer call() throws Exception {
        ObjectNode plan = CopyPlan.of(mapping.getObject());
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
