package io.twinsync.orchestrator.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.tls.TlsMaterialStore;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.staging.Batch;
import io.twinsync.staging.StagingStores;
import io.twinsync.staging.blob.BlobStagingUrl;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.PartitionSummaries;
import io.twinsync.staging.manifest.WriteSummary;
import io.twinsync.writer.Partition;
import io.twinsync.writer.TwinWriteException;
import io.twinsync.writer.WritePhase;
import io.twinsync.writer.WriteReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code processes} back-end of the write: one phase of one partition run as a process of the packaged
 * twin-writer-task, the way an Azure Batch node runs a Data Factory Custom Activity. Each task gets a working folder
 * of its own ({@code $TWINSYNC_HOME/tasks/{batch}/{part-i-of-n.phase}/try-{k}}) holding {@code activity.json},
 * {@code linkedServices.json} and {@code datasets.json}; it leaves {@code outputs.json}, {@code stdout.txt} and
 * {@code stderr.txt} there, and its summary in the batch. A task that could not run (exit code 1) is started again,
 * up to {@code twinsync.writer.task-retries} times, as Batch's {@code maxTaskRetryCount} would; a task whose twins or
 * relationships partly failed (exit code 3) is not, since its results already record what failed.
 *
 * <p>Each task gets its share of the rate budget ({@link TaskSettings}): separate processes cannot share one limiter.
 * Secrets stay out of the files: the task signs in as the orchestrator does, from the environment it inherits, and
 * gets a staging URL's SAS token in {@code TWINSYNC_STAGING_SAS}.
 */
@Component
class PartitionTasks {

    private static final Logger log = LoggerFactory.getLogger(PartitionTasks.class);

    private final TwinsyncProperties properties;
    private final TwinGraphTarget target;
    /** The staging URL's SAS token, if it has one: a secret, never logged nor written to the task's files. */
    private final Optional<String> stagingSas;

    private TaskCommand command;

    PartitionTasks(TwinsyncProperties properties, TwinGraphTarget target) {
        this.properties = properties;
        this.target = target;
        String staging = properties.stagingLocation();
        this.stagingSas =
                StagingStores.isUrl(staging) ? BlobStagingUrl.parse(staging).sasToken() : Optional.empty();
    }

    /** Whether the write runs its partitions as processes. */
    boolean enabled() {
        return TwinsyncProperties.Writer.PROCESSES.equals(properties.writer().backend());
    }

    /**
     * Runs the phase of the partition as a task, and returns the summary it recorded in the batch.
     *
     * @throws TwinWriteException when the task could not run, after its retries: what it said, and where its output is
     */
    WriteSummary run(Batch batch, Partition partition, WritePhase phase, boolean fullCompare)
            throws InterruptedException {
        TaskCommand task = command();
        String name = phase.resultsName(partition);
        int tries = properties.writer().taskRetries() + 1;
        String lastError = null;
        Path lastDir = null;
        for (int attempt = 1; attempt <= tries; attempt++) {
            Path dir = properties
                    .home()
                    .resolve("tasks")
                    .resolve(batch.id().value())
                    .resolve(name)
                    .resolve("try-" + attempt);
            prepare(dir, batch, partition, phase, fullCompare);
            log.info(
                    "Batch {}: starting the task for partition {} ({} phase), try {} of {}, from {}",
                    batch.id(),
                    partition,
                    phase.name().toLowerCase(Locale.ROOT),
                    attempt,
                    tries,
                    task.description());
            int exit = start(task, dir);
            if (exit == WriteReport.EXIT_OK || exit == WriteReport.EXIT_SOME_FAILED) {
                deleteTree(dir); // its output is in the batch; a failed try's folder stays, to be read
                return PartitionSummaries.read(batch, name)
                        .orElseThrow(() -> new TwinWriteException("The task for partition " + partition + " ("
                                + phase.name().toLowerCase(Locale.ROOT) + " phase) of batch " + batch.id()
                                + " ended with exit code " + exit + " but recorded no summary"));
            }
            lastError = error(dir, exit);
            lastDir = dir;
            log.warn(
                    "Batch {}: the task for partition {} ({} phase) could not run (try {} of {}): {}",
                    batch.id(),
                    partition,
                    phase.name().toLowerCase(Locale.ROOT),
                    attempt,
                    tries,
                    lastError);
        }
        throw new TwinWriteException("The task for partition " + partition + " failed " + tries
                + (tries == 1 ? " time: " : " times: ") + lastError + " (its output is in " + lastDir
                + "). Fix the cause and resume the batch ('twinsync run --resume')");
    }

    private synchronized TaskCommand command() {
        if (command == null) {
            command = TaskCommand.of(
                    properties.writer().taskZip(),
                    properties.home().resolve("tasks").resolve("app"));
        }
        return command;
    }

    /** Writes the activity's three files, as Data Factory hands them to a Custom Activity's task. */
    private void prepare(Path dir, Batch batch, Partition partition, WritePhase phase, boolean fullCompare) {
        try {
            // A resumed batch's try of the same number starts from nothing: an old outputs.json would mislead.
            Folders.deleteTree(dir);
            Files.createDirectories(dir);
            ObjectNode activity = StagingJson.mapper().createObjectNode();
            activity.put("name", "twinsync-" + phase.resultsName(partition));
            activity.put("type", "Custom");
            ObjectNode extended = TaskSettings.of(properties, target, batch, partition, fullCompare);
            extended.put("phase", phase.name().toLowerCase(Locale.ROOT));
            activity.putObject("typeProperties").set("extendedProperties", extended);
            if (target.target().trustedCertificate().isPresent()) {
                Files.writeString(
                        dir.resolve("target-cert.pem"),
                        TlsMaterialStore.pem(
                                target.target().trustedCertificate().get()));
                extended.put("trustCertificate", "target-cert.pem");
            }
            StagingJson.mapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValue(dir.resolve("activity.json").toFile(), activity);
            Files.writeString(dir.resolve("linkedServices.json"), "[]");
            Files.writeString(dir.resolve("datasets.json"), "[]");
        } catch (IOException e) {
            throw new TwinWriteException("Cannot prepare the task's working folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private int start(TaskCommand task, Path dir) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(task.forActivity(dir))
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        // The task stops if this process dies (killed, say): a resumed batch starts the partition again, and a task
        // left writing behind it would hold the partition's writer lock.
        builder.environment()
                .put(
                        "TWINSYNC_PARENT_PID",
                        Long.toString(ProcessHandle.current().pid()));
        // A staging SAS is left out of the batch's URL in activity.json (no secret in a file): the task gets it here.
        stagingSas.ifPresent(sas -> builder.environment().put(StagingStores.SAS_VARIABLE, sas));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new TwinWriteException(
                    "Cannot start the twin-writer-task (" + task.description() + "): " + e.getMessage(), e);
        }
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            throw e;
        }
    }

    /** What the task said went wrong: {@code outputs.json}'s error, else the last lines of its standard error. */
    private static String error(Path dir, int exit) {
        try {
            Path outputs = dir.resolve("outputs.json");
            if (Files.exists(outputs)) {
                JsonNode json = StagingJson.mapper().readTree(outputs.toFile());
                if (json.hasNonNull("error")) {
                    return json.get("error").asText() + " (exit code " + exit + ")";
                }
            }
            List<String> lines = Files.readAllLines(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
            String tail = String.join(" ", lines.subList(Math.max(0, lines.size() - 3), lines.size()))
                    .strip();
            return "exit code " + exit + (tail.isEmpty() ? "" : ": " + tail);
        } catch (IOException e) {
            return "exit code " + exit;
        }
    }

    /** Removes a task's folder, and its partition's and batch's folders once they hold nothing else. */
    private static void deleteTree(Path dir) {
        try {
            Folders.deleteTree(dir);
            Files.deleteIfExists(dir.getParent());
            Files.deleteIfExists(dir.getParent().getParent());
        } catch (IOException e) { // DirectoryNotEmptyException: another try's or partition's folder is still there
            log.debug("Kept {}: {}", dir.getParent(), e.toString());
        }
    }
}
