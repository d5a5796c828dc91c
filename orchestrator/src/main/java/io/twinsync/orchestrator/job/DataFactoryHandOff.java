package io.twinsync.orchestrator.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.PartitionSummaries;
import io.twinsync.staging.manifest.WriteSummary;
import io.twinsync.writer.Partition;
import io.twinsync.writer.TwinWriteException;
import io.twinsync.writer.WritePhase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The {@code data-factory} back-end of the write: the run stops after the transform and hands the write to a Data
 * Factory pipeline, which runs the twin-writer-task on Azure Batch as one Custom activity per partition and phase
 * (every partition's twins, then every partition's relationships: a relationship's target may be another partition's
 * twin). The hand-off is a step of the {@code sync} job ({@value SyncJobConfiguration#HAND_OFF_STEP}) that ends the
 * job {@code STOPPED}, as Spring Batch ends a stopped job; {@code twinsync run --resume} continues it after the
 * pipeline's tasks ran, and its write steps collect what each task recorded in the batch instead of writing.
 *
 * <p>The partition list ({@value #PARTITIONS_FILE} in the batch) gives, per partition, the settings its task takes in
 * {@code activity.json}'s {@code extendedProperties} ({@link TaskSettings}), without the phase, which the pipeline
 * adds. When twinsync itself runs as a Custom activity (Azure Batch sets {@value #TASK_WORKING_DIR}), the same list is
 * its {@code outputs.json}, which Data Factory exposes as {@code @activity('...').output.customOutput}.
 */
@Component
public class DataFactoryHandOff {

    /** The batch's partition list, for the pipeline. */
    public static final String PARTITIONS_FILE = "partitions.json";

    /** Job and hand-off step context key: when the batch was handed off. */
    static final String HANDED_OFF = "handedOffToDataFactory";

    /** Set by Azure Batch for every task: its working directory, where Data Factory reads {@code outputs.json}. */
    public static final String TASK_WORKING_DIR = "AZ_BATCH_TASK_WORKING_DIR";

    private final TwinsyncProperties properties;
    private final TwinGraphTarget target;
    private final UnaryOperator<String> environment;

    @Autowired
    public DataFactoryHandOff(TwinsyncProperties properties, TwinGraphTarget target) {
        this(properties, target, System::getenv);
    }

    DataFactoryHandOff(TwinsyncProperties properties, TwinGraphTarget target, UnaryOperator<String> environment) {
        this.properties = properties;
        this.target = target;
        this.environment = environment;
    }

    /** Whether new batches hand their write to Data Factory. */
    public boolean enabled() {
        return TwinsyncProperties.Writer.DATA_FACTORY.equals(properties.writer().backend());
    }

    /**
     * Writes the batch's partition list and, when twinsync runs as a Custom activity, its {@code outputs.json}.
     *
     * @return the list
     */
    ObjectNode handOff(Batch batch, int count, boolean fullCompare) {
        List<String> twinFiles = batch.list(BatchLayout.TWINS).stream()
                .filter(path -> path.endsWith(".json"))
                .toList();
        ObjectNode list = StagingJson.mapper().createObjectNode();
        list.put("batch", batch.id().value());
        list.put("batchLocation", batch.location());
        list.put("partitionCount", count);
        list.putArray("phases").add("twins").add("relationships");
        ArrayNode partitions = list.putArray("partitions");
        for (int i = 1; i <= count; i++) {
            Partition partition = new Partition(i, count);
            ObjectNode item = partitions.addObject();
            item.put("name", partition.fileName());
            item.put("twinFiles", twinFiles.stream().filter(partition::contains).count());
            ObjectNode extended = TaskSettings.of(properties, target, batch, partition, fullCompare);
            // For a standalone emulator only: a real ADT's certificate is trusted by the JDK.
            Optional.ofNullable(properties.target().trustCertificate())
                    .ifPresent(pem -> extended.put(
                            "trustCertificate", pem.toAbsolutePath().toString()));
            item.set("extendedProperties", extended);
        }
        list.put("then", "twinsync run --resume " + batch.id().value());
        try (StagedOutput out = batch.create(PARTITIONS_FILE)) {
            StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, list);
            out.commit();
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot write " + PARTITIONS_FILE + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
        // At most 64 partitions of a few hundred bytes each: far below the 2 MB of outputs.json Data Factory reads.
        String workingDir = environment.apply(TASK_WORKING_DIR);
        if (workingDir != null && !workingDir.isBlank()) {
            writeOutputs(Path.of(workingDir), list);
        }
        return list;
    }

    /**
     * What the pipeline's task recorded for one phase of one partition of a handed-off batch, if it finished.
     *
     * @throws TwinWriteException when it did not and this back-end is still {@code data-factory}: then twinsync must
     *     not write it too (the task may yet run); another back-end writes it from here instead
     */
    Optional<WriteSummary> collect(Batch batch, Partition partition, WritePhase phase) {
        Optional<WriteSummary> recorded = PartitionSummaries.read(batch, phase.resultsName(partition));
        if (recorded.isEmpty() && enabled()) {
            throw new TwinWriteException("Partition " + partition + " has no "
                    + phase.name().toLowerCase(Locale.ROOT)
                    + " results: its Data Factory task did not run, or did not finish. Run it (rerun the pipeline"
                    + " from its failed activity), then 'twinsync run --resume " + batch.id() + "' again; or resume"
                    + " with twinsync.writer.backend=threads to write what the pipeline did not from here");
        }
        return recorded;
    }

    /**
     * Whether this execution of the job stopped to hand its batch off, rather than being stopped by a stop request
     * (which may land on the hand-off step too, before it did anything) or failing.
     */
    public static boolean handedOffIn(JobExecution execution) {
        return execution.getStatus() == BatchStatus.STOPPED
                && execution.getStepExecutions().stream()
                        .anyMatch(step -> step.getStepName().equals(SyncJobConfiguration.HAND_OFF_STEP)
                                && step.getStatus() == BatchStatus.STOPPED
                                && step.getExecutionContext().containsKey(HANDED_OFF));
    }

    /** Whether the execution's batch was handed off at some point (so its write steps collect rather than write). */
    public static boolean handedOff(JobExecution execution) {
        return execution.getExecutionContext().containsKey(HANDED_OFF);
    }

    /**
     * Writes {@code outputs.json} into {@code dir}, replacing it atomically: what Data Factory exposes as the Custom
     * activity's {@code customOutput}.
     */
    public static void writeOutputs(Path dir, JsonNode list) {
        Path outputs = dir.resolve("outputs.json");
        Path temp = dir.resolve("outputs.json.partial");
        try {
            byte[] json = StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(list);
            Files.write(temp, json);
            Files.move(temp, outputs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StagingException("Cannot write " + outputs + ": " + e.getMessage(), e);
        }
    }
}
