package io.twinsync.orchestrator.job;

import io.twinsync.extract.SourceEntity;
import io.twinsync.extract.copied.CopiedRowsFolder;
import io.twinsync.extract.jdbc.JdbcRowExtractor;
import io.twinsync.extract.watermark.EntityExtract;
import io.twinsync.extract.watermark.IncrementalExtract;
import io.twinsync.extract.watermark.ReadKind;
import io.twinsync.extract.watermark.WatermarkStore;
import io.twinsync.extract.watermark.Watermarks;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.orchestrator.metrics.WriteMeters;
import io.twinsync.orchestrator.source.SourceDatabase;
import io.twinsync.orchestrator.state.EntityOrigins;
import io.twinsync.orchestrator.state.TargetState;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.staging.manifest.ExtractSummary;
import io.twinsync.staging.manifest.PartitionSummaries;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.staging.manifest.WriteSummary;
import io.twinsync.staging.rows.RowsHandOff;
import io.twinsync.transform.TwinTransformer;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.writer.Partition;
import io.twinsync.writer.TwinWriter;
import io.twinsync.writer.WritePhase;
import io.twinsync.writer.WriteReport;
import io.twinsync.writer.WriterSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code sync} job: extract, transform, the hand-off to Data Factory (only with that back-end), the write's two
 * partitioned steps (twins, then relationships), record, report, archive. Each step is one stage over the batch named by the {@value #BATCH_ID} job parameter; each
 * stage records what it did in the batch manifest, which is the batch's durable record. The write, record and archive
 * steps serve the {@code replay} job too ({@link ReplayJobConfiguration}), told apart by its {@value #REPLAY_OF}
 * parameter.
 */
@Configuration(proxyBeanMethods = false)
public class SyncJobConfiguration {

    public static final String JOB_NAME = "sync";
    public static final String BATCH_ID = "batchId";
    public static final String FULL_COMPARE = "fullCompare";
    public static final String NO_WRITE = "noWrite";

    /** Job parameter: the batch is a {@code run --dry-run}'s, whose write was planned, not made (with {@link #NO_WRITE}). */
    public static final String DRY_RUN = "dryRun";
    /** Job parameter: how many partitions the write step has (the same when the batch is resumed). */
    public static final String PARTITIONS = "partitions";
    /**
     * Job parameter: the staging folder ({@code incoming/{runId}}) whose copied rows the extract stages instead of
     * reading the source ({@code run --rows-from}); absent for a JDBC extract. A resumed batch keeps it.
     */
    public static final String ROWS_FROM = "rowsFrom";

    /** Job parameter: the target's state key, so that a batch is only ever resumed against its own target. */
    public static final String TARGET = "target";
    /** Job parameter of a replay: the batch whose twin files it writes again; absent for a batch of its own. */
    public static final String REPLAY_OF = "replayOf";

    /** The step that hands the write to a Data Factory pipeline ({@link DataFactoryHandOff}); a no-op otherwise. */
    public static final String HAND_OFF_STEP = "handOff";

    /** The write's two partitioned steps: every partition's twins, then every partition's relationships. */
    public static final String WRITE_TWINS_STEP = "writeTwins";

    public static final String WRITE_RELATIONSHIPS_STEP = "writeRelationships";
    /** A partition's step is named {@code {this}:part-i-of-n}, as Spring Batch names a partition's step execution. */
    public static final String WRITE_TWINS_PARTITION = "writeTwinsPartition";

    public static final String WRITE_RELATIONSHIPS_PARTITION = "writeRelationshipsPartition";

    /** Job context key: the batch whose rows the extract step already transformed. */
    public static final String TRANSFORMED_WHILE_EXTRACTING = "transformedWhileExtracting";

    private static final Logger log = LoggerFactory.getLogger(SyncJobConfiguration.class);

    @Bean
    Job syncJob(
            JobRepository jobs,
            Step extractStep,
            Step transformStep,
            Step handOffStep,
            Step writeTwinsStep,
            Step writeRelationshipsStep,
            Step recordStep,
            Step reportStep,
            Step archiveStep,
            BatchReportListener reports,
            ProgressDisplay display) {
        return new JobBuilder(JOB_NAME, jobs)
                .listener(reports)
                .listener(display)
                .start(extractStep)
                .next(transformStep)
                .next(handOffStep)
                .next(writeTwinsStep)
                .next(writeRelationshipsStep)
                .next(recordStep)
                .next(reportStep)
                .next(archiveStep)
                .build();
    }

    /**
     * Extracts the batch and, at the same time, transforms its rows as they are written (see {@link RowsHandOff}):
     * the two stages overlap instead of running one after the other. When that transform fails, the rows are still
     * staged whole and the transform step transforms them from the files, reporting the failure there.
     */
    @Bean
    Step extractStep(
            JobRepository jobs,
            StagingStore staging,
            ObjectProvider<Mapping> mapping,
            SourceDatabase source,
            TwinGraphTarget target,
            ProgressDisplay display) {
        return new StepBuilder("extract", jobs)
                .listener(display)
                .tasklet(stage(staging, (batch, contribution) -> {
                    // A restarted extract must not leave an earlier attempt's word that the batch is transformed.
                    jobContext(contribution).remove(TRANSFORMED_WHILE_EXTRACTING);
                    StepExecution step = contribution.getStepExecution();
                    // Entities an attempt killed inside this step staged whole are not read again; the rest of
                    // what it staged goes.
                    Map<String, EntityExtract> earlier = ExtractProgress.read(step.getExecutionContext());
                    BatchFiles.clearStaged(batch, ExtractProgress.rowsFiles(earlier));
                    String rowsFrom = step.getJobParameters().getString(ROWS_FROM);
                    if (rowsFrom != null) {
                        // Copied files are read again whole on a restart (no source to spare); the transform step
                        // transforms them, once the ingest knows which entities had lines set aside.
                        ExtractSummary copied = CopiedRowsExtract.run(
                                batch,
                                done -> {
                                    ExtractProgress.record(step.getExecutionContext(), done);
                                    jobs.updateExecutionContext(step);
                                },
                                staging,
                                mapping.getObject(),
                                target.stateKey(),
                                CopiedRowsFolder.parse(rowsFrom),
                                fullCompare(contribution));
                        contribution.incrementWriteCount(copied.totalRows());
                        return;
                    }
                    TargetState state = TargetState.of(staging, target.stateKey());
                    EntityOrigins origins = EntityOrigins.of(mapping.getObject(), source.identity());
                    Map<String, String> afresh = state.afresh(origins);
                    afresh.forEach((entity, why) -> log.info(
                            "Batch {}: entity {} is read whole and its state starts afresh: {}",
                            batch.id(),
                            entity,
                            why));
                    Watermarks committed = fullCompare(contribution)
                            ? Watermarks.none()
                            : WatermarkStore.readCommitted(state.area()).without(afresh.keySet());
                    JdbcRowExtractor extractor = new JdbcRowExtractor(source.dataSource(), source.fetchSize());
                    List<SourceEntity> entities = SourceEntities.of(mapping.getObject());
                    // what the extract is about to read incrementally: entities with a watermark (or a change
                    // tracking version) it has one for
                    Set<String> incremental = entities.stream()
                            .filter(e -> e.readsIncrementally()
                                    && committed.of(e.name()).isPresent())
                            .map(SourceEntity::name)
                            .collect(Collectors.toSet());
                    TwinTransformer transformer = new TwinTransformer(mapping.getObject())
                            .withoutHistoryOf(afresh.keySet())
                            .withIncrementalReads(incremental);
                    // Each entity, once staged, is recorded in the step's context at once (the repository commits
                    // it on its own), as an item stream's state is at a chunk's end.
                    Consumer<EntityExtract> progress = done -> {
                        ExtractProgress.record(step.getExecutionContext(), done);
                        jobs.updateExecutionContext(step);
                    };
                    IncrementalExtract written;
                    TransformSummary transformed = null;
                    if (earlier.isEmpty()) {
                        RowsHandOff.Overlap<IncrementalExtract, TransformSummary> overlap = RowsHandOff.overlap(
                                batch,
                                tapped -> extractor.extract(tapped, entities, committed, Map.of(), progress),
                                rows -> transformer.transform(batch, state.area(), rows),
                                "twinsync-transform-" + batch.id());
                        written = overlap.written();
                        if (overlap.readCompleted()) {
                            transformed = overlap.read();
                        } else {
                            // The transform step reports the failure to the user; a stack trace is for the debug
                            // log.
                            log.info(
                                    "Batch {}: transforming while extracting failed; the transform step transforms"
                                            + " the staged rows instead and reports any failure there",
                                    batch.id());
                            log.debug(
                                    "Batch {}: transforming while extracting failed",
                                    batch.id(),
                                    overlap.readFailure());
                        }
                    } else {
                        // The transform reads every entity's rows, and the earlier ones are files by now: the
                        // transform step transforms them all from the files.
                        log.info(
                                "Batch {}: the extract resumes; {} of {} entities were staged by an earlier attempt",
                                batch.id(),
                                earlier.size(),
                                entities.size());
                        written = extractor.extract(batch, entities, committed, earlier, progress);
                    }
                    origins.writePending(batch);
                    Set<String> readIncrementally = written.reads().entrySet().stream()
                            .filter(read -> read.getValue() == ReadKind.INCREMENTAL)
                            .map(Map.Entry::getKey)
                            .collect(Collectors.toSet());
                    ExtractSummary summary = written.summary().withReads(readIncrementally, afresh);
                    BatchManifests.update(batch, m -> m.withExtract(summary));
                    contribution.incrementWriteCount(summary.totalRows());
                    if (transformed != null) {
                        TransformSummary transform = transformed;
                        BatchManifests.update(batch, m -> m.withTransform(transform));
                        jobContext(contribution)
                                .putString(
                                        TRANSFORMED_WHILE_EXTRACTING, batch.id().value());
                    }
                }))
                .build();
    }

    @Bean
    Step transformStep(
            JobRepository jobs,
            StagingStore staging,
            ObjectProvider<Mapping> mapping,
            TwinGraphTarget target,
            ProgressDisplay display) {
        return new StepBuilder("transform", jobs)
                .listener(display)
                .tasklet(stage(staging, (batch, contribution) -> {
                    if (batch.id()
                            .value()
                            .equals(jobContext(contribution).getString(TRANSFORMED_WHILE_EXTRACTING, ""))) {
                        log.debug("Batch {} was transformed while it was extracted", batch.id());
                        return;
                    }
                    ExtractSummary extract = BatchManifests.read(batch).extract();
                    Set<String> afresh =
                            extract == null ? Set.of() : extract.startedAfresh().keySet();
                    TransformSummary summary = new TwinTransformer(mapping.getObject())
                            .withoutHistoryOf(afresh)
                            .withIncrementalReads(extract == null ? Set.of() : extract.incremental())
                            .transform(
                                    batch,
                                    TargetState.of(staging, target.stateKey()).area());
                    BatchManifests.update(batch, m -> m.withTransform(summary));
                    contribution.incrementWriteCount(summary.twinFiles());
                }))
                .build();
    }

    /**
     * With the {@code data-factory} back-end, writes the batch's partition list and stops the job, as a stop request
     * would ({@code STOPPED}, restartable), so that {@code run --resume} continues with the write steps once the
     * pipeline's tasks ran. The step's context remembers the hand-off: resumed, the step completes at once, whatever
     * the back-end is by then. Otherwise (and for {@code --no-write} batches and replays) it does nothing.
     */
    @Bean
    Step handOffStep(JobRepository jobs, StagingStore staging, DataFactoryHandOff handOff) {
        return new StepBuilder(HAND_OFF_STEP, jobs)
                .tasklet(stage(staging, (batch, contribution) -> {
                    StepExecution step = contribution.getStepExecution();
                    JobParameters parameters = step.getJobParameters();
                    if (step.getExecutionContext().containsKey(DataFactoryHandOff.HANDED_OFF)) {
                        log.info("Batch {}: resumed after its hand-off to Data Factory", batch.id());
                        return;
                    }
                    if (!handOff.enabled()
                            || "true".equals(parameters.getString(NO_WRITE))
                            || replayOf(contribution) != null) {
                        return;
                    }
                    int count = Integer.parseInt(parameters.getString(PARTITIONS, "1"));
                    handOff.handOff(batch, count, fullCompare(contribution));
                    String at = Instant.now().toString();
                    step.getExecutionContext().putString(DataFactoryHandOff.HANDED_OFF, at);
                    jobContext(contribution).putString(DataFactoryHandOff.HANDED_OFF, at);
                    log.info("Batch {}: handed {} partitions to Data Factory", batch.id(), count);
                    // Ends the step, then the job, STOPPED once this chunk is committed.
                    step.setTerminateOnly();
                }))
                .build();
    }

    /**
     * The write's first phase, fanned out: a Spring Batch partition step whose partitions ({@value #PARTITIONS} of
     * them, each a slice of the twin files as {@link Partition} cuts them) have their own step executions, so that a
     * resumed batch writes only the partitions that did not finish. Writes the models and every partition's twins,
     * before any relationship: a relationship's target may be a twin of another partition.
     */
    @Bean
    Step writeTwinsStep(
            JobRepository jobs,
            Step writeTwinsPartitionStep,
            SharedWrites shared,
            TwinsyncProperties properties,
            StagingStore staging,
            ProgressDisplay display) {
        return new StepBuilder(WRITE_TWINS_STEP, jobs)
                .listener(display)
                .partitioner(WRITE_TWINS_PARTITION, WritePartitions::of)
                .partitionHandler(new WriteFanOut(
                        writeTwinsPartitionStep, shared, progress(WritePhase.TWINS, properties, staging, display)))
                .build();
    }

    /** The write's second phase: every partition's relationships, once the first phase completed. */
    @Bean
    Step writeRelationshipsStep(
            JobRepository jobs,
            Step writeRelationshipsPartitionStep,
            SharedWrites shared,
            TwinsyncProperties properties,
            StagingStore staging,
            ProgressDisplay display) {
        return new StepBuilder(WRITE_RELATIONSHIPS_STEP, jobs)
                .listener(display)
                .partitioner(WRITE_RELATIONSHIPS_PARTITION, WritePartitions::of)
                .partitionHandler(new WriteFanOut(
                        writeRelationshipsPartitionStep,
                        shared,
                        progress(WritePhase.RELATIONSHIPS, properties, staging, display)))
                .build();
    }

    /**
     * A write step's progress: counted in this process, so none with the processes back-end (its partitions are
     * other processes) or a hand-off; the phase's total from the batch's transform summary.
     */
    private static WriteFanOut.Progress progress(
            WritePhase phase, TwinsyncProperties properties, StagingStore staging, ProgressDisplay display) {
        boolean counted =
                TwinsyncProperties.Writer.THREADS.equals(properties.writer().backend());
        Duration every = counted ? properties.progress().every() : Duration.ZERO;
        return new WriteFanOut.Progress(
                phase,
                every,
                step -> {
                    String id = step.getJobParameters().getString(BATCH_ID);
                    TransformSummary transform = BatchManifests.read(staging.openBatch(new BatchId(id)))
                            .transform();
                    if (transform == null) {
                        return null; // a replay: its rows were transformed by the batch it replays
                    }
                    return phase == WritePhase.TWINS ? transform.twinFiles() : transform.relationships();
                },
                counted ? display : null);
    }

    @Bean
    Step writeTwinsPartitionStep(
            JobRepository jobs,
            StagingStore staging,
            TwinGraphTarget target,
            SharedWrites shared,
            PartitionTasks tasks,
            DataFactoryHandOff handOff) {
        return writePartitionStep(
                WRITE_TWINS_PARTITION, WritePhase.TWINS, jobs, staging, target, shared, tasks, handOff);
    }

    @Bean
    Step writeRelationshipsPartitionStep(
            JobRepository jobs,
            StagingStore staging,
            TwinGraphTarget target,
            SharedWrites shared,
            PartitionTasks tasks,
            DataFactoryHandOff handOff) {
        return writePartitionStep(
                WRITE_RELATIONSHIPS_PARTITION, WritePhase.RELATIONSHIPS, jobs, staging, target, shared, tasks, handOff);
    }

    /**
     * One phase of one partition of the write, in this process or as a process of the packaged task
     * ({@link PartitionTasks}, {@code twinsync.writer.backend=processes}); its summary goes to its own file, added up
     * by the record step. In a batch handed to Data Factory, what the pipeline's task recorded is collected instead
     * ({@link DataFactoryHandOff#collect}).
     */
    private static Step writePartitionStep(
            String name,
            WritePhase phase,
            JobRepository jobs,
            StagingStore staging,
            TwinGraphTarget target,
            SharedWrites shared,
            PartitionTasks tasks,
            DataFactoryHandOff handOff) {
        return new StepBuilder(name, jobs)
                .tasklet(stage(staging, (batch, contribution) -> {
                    StepExecution step = contribution.getStepExecution();
                    Partition partition = WritePartitions.partitionOf(step.getExecutionContext());
                    if (DataFactoryHandOff.handedOff(step.getJobExecution())) {
                        Optional<WriteSummary> recorded = handOff.collect(batch, partition, phase);
                        if (recorded.isPresent()) {
                            log.info(
                                    "Batch {}: partition {} ({} phase) was written by its Data Factory task",
                                    batch.id(),
                                    partition,
                                    phase.name().toLowerCase(Locale.ROOT));
                            contribution.incrementWriteCount(
                                    recorded.get().twins().total()
                                            + recorded.get().relationships().total());
                            return;
                        }
                        log.info(
                                "Batch {}: partition {} ({} phase) was not written by Data Factory; writing it here",
                                batch.id(),
                                partition,
                                phase.name().toLowerCase(Locale.ROOT));
                    }
                    // A replay's no-rollback rule is the in-process writer's: the task has no replay option.
                    if (tasks.enabled() && replayOf(contribution) == null) {
                        WriteSummary summary = tasks.run(batch, partition, phase, fullCompare(contribution));
                        contribution.incrementWriteCount(summary.twins().total()
                                + summary.relationships().total());
                        return;
                    }
                    WriterSettings settings = target.writerSettings()
                            .withFullCompare(fullCompare(contribution))
                            .withReplayOf(replayOf(contribution));
                    // The partitions together keep as many requests in flight as one writer would.
                    settings = settings.withConcurrency(
                            WritePartitions.concurrencyShare(settings.concurrency(), partition));
                    // A target that stops answering fails this partition (TargetUnreachableException): the batch
                    // ends FAILED, nothing is committed, and resuming it writes this partition again.
                    TwinWriter writer = new TwinWriter(
                            target.client(), target.target().endpoint(), staging, target.stateKey(), settings);
                    WriteReport report =
                            writer.write(batch, partition, shared.of(step.getJobExecutionId(), settings), phase);
                    PartitionSummaries.write(batch, phase.resultsName(partition), report.summary());
                    contribution.incrementWriteCount(report.summary().twins().total()
                            + report.summary().relationships().total());
                }))
                .build();
    }

    /**
     * Adds up the partitions' summaries into the manifest and, when nothing failed, commits the target's state
     * (watermarks, presence lists, origins): only now is every partition written. A replay commits nothing: it did
     * not read the source, so the state it would commit is not the source's now.
     */
    @Bean
    Step recordStep(JobRepository jobs, StagingStore staging, TwinGraphTarget target, WriteMeters meters) {
        return new StepBuilder("record", jobs)
                .tasklet(stage(staging, (batch, contribution) -> {
                    JobParameters parameters = contribution.getStepExecution().getJobParameters();
                    if ("true".equals(parameters.getString(NO_WRITE))) {
                        return;
                    }
                    int count = Integer.parseInt(parameters.getString(PARTITIONS, "1"));
                    WriteSummary summary = PartitionSummaries.total(batch, WritePartitions.phaseNames(count));
                    target.checkpoint();
                    BatchManifests.update(batch, m -> m.withWrite(summary));
                    meters.recorded(summary);
                    // Rows whose twins failed are retried by the next batch only if the watermark stays put, and
                    // twins of missing rows are deleted again only if the presence lists stay put.
                    if (replayOf(contribution) == null
                            && summary.twins().failed() == 0
                            && summary.relationships().failed() == 0) {
                        TargetState.of(staging, target.stateKey()).commit(batch);
                    }
                    contribution.incrementWriteCount(summary.twins().total());
                }))
                .build();
    }

    /**
     * Writes the batch report ({@code report.json}, {@code report.html}) into the batch, so that the archive step
     * archives it with the batch. A job that stops or fails before this step has its report written when it ends
     * ({@link BatchReportListener}). A report that cannot be written does not fail the batch: it is logged.
     */
    @Bean
    Step reportStep(JobRepository jobs, StagingStore staging) {
        return new StepBuilder("report", jobs)
                .tasklet((contribution, chunk) -> {
                    JobParameters parameters = contribution.getStepExecution().getJobParameters();
                    BatchReportListener.write(staging, new BatchId(parameters.getString(BATCH_ID)), parameters, null);
                    return RepeatStatus.FINISHED;
                })
                .build();
    }

    /**
     * Moves the batch to the archive once it is done ({@link BatchArchive}), and deletes archived batches beyond the
     * retention. Not for a {@code --no-write} batch, which {@code import-file} writes later.
     */
    @Bean
    Step archiveStep(JobRepository jobs, BatchArchive archive) {
        return new StepBuilder("archive", jobs)
                .tasklet((contribution, chunk) -> {
                    JobParameters parameters = contribution.getStepExecution().getJobParameters();
                    if (!"true".equals(parameters.getString(NO_WRITE))) {
                        archive.archive(new BatchId(parameters.getString(BATCH_ID)));
                    }
                    return RepeatStatus.FINISHED;
                })
                .build();
    }

    private static BatchId replayOf(StepContribution contribution) {
        String original = contribution.getStepExecution().getJobParameters().getString(REPLAY_OF);
        return original == null ? null : new BatchId(original);
    }

    private static boolean fullCompare(StepContribution contribution) {
        return "true".equals(contribution.getStepExecution().getJobParameters().getString(FULL_COMPARE));
    }

    private static ExecutionContext jobContext(StepContribution contribution) {
        return contribution.getStepExecution().getJobExecution().getExecutionContext();
    }

    static Tasklet stage(StagingStore staging, BatchStage stage) {
        return (contribution, chunk) -> {
            String id = contribution.getStepExecution().getJobParameters().getString(BATCH_ID);
            stage.run(staging.openBatch(new BatchId(id)), contribution);
            return RepeatStatus.FINISHED;
        };
    }

    /** One stage's work on a batch. */
    @FunctionalInterface
    interface BatchStage {
        void run(Batch batch, StepContribution contribution) throws Exception;
    }
}
