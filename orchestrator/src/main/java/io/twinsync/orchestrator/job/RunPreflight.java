package io.twinsync.orchestrator.job;

import io.twinsync.extract.copied.CopiedRowsFolder;
import io.twinsync.extract.copied.CopiedRowsIngest;
import io.twinsync.extract.copied.CopiedRowsMissingException;
import io.twinsync.orchestrator.config.InvalidSettingException;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.graph.EmulatorInUseException;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.orchestrator.source.SourceDatabase;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LockHolder;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StagingStores;
import io.twinsync.staging.StateLock;
import io.twinsync.staging.StateLockedException;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.validate.ValidationProblem;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What {@code twinsync run} checks before it creates a batch, so that a run that cannot succeed stops at once with one
 * message naming what to fix, and leaves no failed batch behind: no other run holds the target, the mapping and its
 * models load, and the source answers with every mapped column. Without it, each of these failed a step into the
 * batch, another run's lock only after a whole extract and transform.
 */
@Component
public class RunPreflight {

    /** Rows read per entity: the columns are what is checked; rows the run rejects are the run's to report. */
    private static final int SAMPLE_ROWS = 1;

    private final ObjectProvider<Mapping> mapping;
    private final SourceDatabase source;
    private final TwinGraphTarget target;
    private final StagingStore staging;
    private final TwinsyncProperties properties;

    public RunPreflight(
            ObjectProvider<Mapping> mapping,
            SourceDatabase source,
            TwinGraphTarget target,
            StagingStore staging,
            TwinsyncProperties properties) {
        this.mapping = mapping;
        this.source = source;
        this.target = target;
        this.staging = staging;
        this.properties = properties;
    }

    /**
     * Runs the checks and, for a run that writes, takes the target for it.
     *
     * @param write whether the run writes to the target; a run that does not neither opens nor holds it
     * @param batch the batch the run will create or resume (null: not known yet), recorded in the target's lock so that a run it refuses can name it
     * @return the hold on the target, to close when the run ends (nothing to release for a run that does not write)
     * @throws TargetLockedException when another run holds the target, naming it
     * @throws PreflightException saying what to fix
     */
    public StateLock check(boolean write, BatchId batch) {
        return check(write, batch, (CopiedRowsFolder) null);
    }

    /**
     * As {@link #check(boolean, BatchId)}, for a run that stages rows Data Factory copied into {@code rowsFrom}
     * instead of reading the source: the source is not checked (it may be out of this machine's reach, which is why
     * Data Factory copies it), but every mapped entity's copied file must be there.
     *
     * @param rowsFrom the folder of copied rows, or null for a run that reads the source
     */
    public StateLock check(boolean write, BatchId batch, CopiedRowsFolder rowsFrom) {
        return checkWith(write, batch, loaded -> {
            if (rowsFrom == null) {
                checkSource(loaded);
            } else {
                checkCopiedRows(loaded, rowsFrom);
            }
        });
    }

    /**
     * As {@link #check(boolean, BatchId)}, for resuming a batch staged from copied rows ({@code run --rows-from}):
     * it never reads the source, so the source is not checked; nor are the copied files, which its extract either
     * staged already or stages again (and then names any that is gone).
     */
    public StateLock checkResumeOfCopiedRows(BatchId batch) {
        return checkWith(true, batch, loaded -> {});
    }

    private StateLock checkWith(boolean write, BatchId batch, Consumer<Mapping> sourceCheck) {
        if (write
                && TwinsyncProperties.Writer.DATA_FACTORY.equals(
                        properties.writer().backend())) {
            checkPipelineReach();
        }
        StateLock hold = write ? lockTarget(batch) : () -> {};
        try {
            sourceCheck.accept(loadMapping());
            return hold;
        } catch (RuntimeException e) {
            hold.close();
            throw e;
        }
    }

    /**
     * Takes the target for a command that writes to it without reading the source, such as {@code replay}: only the
     * run lock, so that no {@code run} writes the target meanwhile (and none while a run does).
     *
     * @param batch the batch the command will create, recorded in the lock
     * @throws TargetLockedException when another run holds the target, naming it
     * @throws PreflightException when the target or the staging area cannot be used
     */
    public StateLock holdTarget(BatchId batch) {
        return lockTarget(batch);
    }

    /** The data-factory back-end's tasks run on Azure Batch: they must reach both the target and the staging area. */
    private void checkPipelineReach() {
        if (properties.target().embedded()) {
            throw new PreflightException(
                    "twinsync.writer.backend=data-factory hands the write to a Data Factory pipeline, whose tasks"
                            + " reach the target over the network, but the target is the embedded emulator, which"
                            + " lives only while twinsync runs. Set twinsync.target.endpoint (an ADT instance, or a"
                            + " standalone 'twinsync emulator'), or use the threads or processes back-end",
                    null);
        }
        if (!StagingStores.isUrl(properties.stagingLocation())) {
            throw new PreflightException(
                    "twinsync.writer.backend=data-factory hands the write to tasks on Azure Batch, which read the"
                            + " batch and keep the target's state in the staging area, but the staging area is a"
                            + " folder on this machine (" + properties.stagingLocation() + "), out of their reach."
                            + " Set twinsync.staging to a Blob Storage container"
                            + " (https://{account}.blob.core.windows.net/{container}/{path}), or use the threads or"
                            + " processes back-end",
                    null);
        }
    }

    /**
     * Takes the run lock of the target, beside the writer's lock (which the write step takes for itself: one JVM
     * cannot take a file lock twice), recording this process and {@code batch} as its holder. For the embedded
     * emulator, the target's key starts it, which locks its folder now rather than in the write step.
     */
    private StateLock lockTarget(BatchId batch) {
        String key;
        try {
            key = target.stateKey();
        } catch (EmulatorInUseException e) {
            throw new TargetLockedException(e.getMessage(), e); // another process has the embedded emulator's graph
        } catch (RuntimeException e) {
            throw new PreflightException(e.getMessage(), e);
        }
        try {
            return staging.state()
                    .lock("writer/" + key + "/run.lock", LockHolder.thisProcess(batch == null ? null : batch.value()));
        } catch (StateLockedException e) {
            throw new TargetLockedException(
                    "Another twinsync run holds the target " + target.description()
                            + e.holder().map(holder -> ": " + holder.describe()).orElse("")
                            + " (lock " + e.location()
                            + (e.holder().isPresent() ? "" : "; it does not say which process")
                            + "). Wait for it to finish or stop it, then run again; a stopped run frees the lock at"
                            + " once (in Blob Storage within a minute)",
                    e);
        } catch (StagingException e) {
            throw new PreflightException("Cannot use the staging area (twinsync.staging): " + e.getMessage(), e);
        }
    }

    private Mapping loadMapping() {
        try {
            return mapping.getObject();
        } catch (BeansException e) {
            Throwable cause = withoutSpring(e);
            throw new PreflightException(cause.getMessage(), cause);
        }
    }

    /** Every mapped entity's copied rows file is in the staging area. */
    private void checkCopiedRows(Mapping loaded, CopiedRowsFolder rowsFrom) {
        try {
            new CopiedRowsIngest(staging.incoming(), rowsFrom).checkPresent(CopiedEntities.of(loaded));
        } catch (CopiedRowsMissingException e) {
            throw new PreflightException(e.getMessage(), e);
        } catch (StagingException e) {
            throw new PreflightException(
                    "Cannot read the copied rows in " + rowsFrom + " (twinsync.staging): " + e.getMessage(), e);
        }
    }

    /** The source answers, and has every column the mapping names, with types its properties can take. */
    private void checkSource(Mapping loaded) {
        try {
            source.dataSource();
        } catch (InvalidSettingException e) {
            throw new PreflightException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new PreflightException(
                    "The source database (twinsync.source.url) cannot be used: " + e.getMessage(), e);
        }
        List<ValidationProblem> problems;
        try {
            problems = SourceSample.validate(loaded, source, SAMPLE_ROWS).problems().stream()
                    .filter(problem -> !problem.isRowProblem())
                    .toList();
        } catch (RuntimeException e) {
            throw new PreflightException(e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder("The mapping ")
                    .append(loaded.source())
                    .append(" does not fit the source ")
                    .append(source.description())
                    .append("; fix the mapping or the source, then run again ('twinsync validate' checks both):");
            problems.forEach(problem -> message.append("\n  - ").append(problem.message()));
            throw new PreflightException(message.toString(), null);
        }
    }

    /** The first cause that is not Spring's wrapping of a failed bean: the mapping's or the setting's own failure. */
    private static Throwable withoutSpring(BeansException e) {
        Throwable cause = e;
        while (cause instanceof BeansException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
