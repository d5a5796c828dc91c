package io.twinsync.writer;

import com.azure.digitaltwins.core.DigitalTwinsClient;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StateLock;
import io.twinsync.staging.manifest.WriteSummary;
import io.twinsync.staging.scope.GraphScope;
import io.twinsync.staging.scope.GraphScopes;
import io.twinsync.writer.apply.AdtGateway;
import io.twinsync.writer.apply.GraphSnapshot;
import io.twinsync.writer.apply.HandOffLines;
import io.twinsync.writer.apply.HandOffSpool;
import io.twinsync.writer.apply.HandOffWriter;
import io.twinsync.writer.apply.ModelUploadException;
import io.twinsync.writer.apply.ModelUploader;
import io.twinsync.writer.apply.TwinHandOff;
import io.twinsync.writer.apply.TwinOutcome;
import io.twinsync.writer.apply.TwinPhase;
import io.twinsync.writer.dryrun.DryRunPlans;
import io.twinsync.writer.dryrun.PlanBefores;
import io.twinsync.writer.dryrun.PlanningGateway;
import io.twinsync.writer.dryrun.WritePlan;
import io.twinsync.writer.limit.RequestLimiter;
import io.twinsync.writer.report.ItemAction;
import io.twinsync.writer.report.ItemKind;
import io.twinsync.writer.report.ItemResult;
import io.twinsync.writer.report.ResultsWriter;
import io.twinsync.writer.retry.RequestCounters;
import io.twinsync.writer.retry.RequestRetrier;
import io.twinsync.writer.retry.Sleeper;
import io.twinsync.writer.retry.TargetCircuitBreaker;
import io.twinsync.writer.state.KnownState;
import io.twinsync.writer.state.KnownStateStore;
import io.twinsync.writer.state.LastAppliedFiles;
import io.twinsync.writer.state.NoRollback;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a batch's twin files to one ADT instance, in order: the models the target lacks, then every twin of the
 * partition (create, patch what changed, delete tombstones), then their relationships. A twin whose file was
 * applied before with the same content hash costs no request at all. One twin's or relationship's failure is
 * recorded (results file, {@link WriteReport#failures()}) and the rest go on. A target that answers nothing is
 * waited for, for up to {@link WriterSettings#unreachableAfter()}, however few retries each request has; if it
 * answers by then the write goes on with no twin failed, else it stops the whole write
 * ({@link TargetUnreachableException}).
 *
 * <p>Writes {@code results/part-{i}-of-{n}.ndjson} in the batch and the known state in the state area (one file per
 * target, shared by all partition layouts); the caller records {@link WriteReport#summary()} in the manifest.
 */
public final class TwinWriter {

    private static final Logger log = LoggerFactory.getLogger(TwinWriter.class);

    /** Other partitions hold the known-state lock only to load, merge and save it: seconds, even for a million. */
    private static final Duration KNOWN_STATE_SAVE_WAIT = Duration.ofMinutes(5);

    /** What a write stopped by its circuit means, for {@link TargetUnreachableException}'s message. */
    private static final String STOPPED = "The write stopped early rather than retry every twin. Nothing is lost: what"
            + " was written stays in ADT and nothing is recorded as done, so running again writes the rest.";

    private final DigitalTwinsClient client;
    private final String targetName;
    private final StagingStore staging;
    private final String targetKey;
    private final WriterSettings settings;
    private final Sleeper sleeper;
    private final Clock clock;

    /**
     * A writer that names the target by {@code targetKey} in its messages; see
     * {@link #TwinWriter(DigitalTwinsClient, URI, StagingStore, String, WriterSettings)}.
     */
    public TwinWriter(DigitalTwinsClient client, StagingStore staging, String targetKey, WriterSettings settings) {
        this(client, targetKey, staging, targetKey, settings, Sleeper.SYSTEM, Clock.systemUTC());
    }

    /**
     * @param client a client from {@code AdtClients.create}, whose own retries are off
     * @param endpoint the client's endpoint, to name the target in messages (the client does not tell it)
     * @param staging where the known state of the target is kept ({@link StagingStore#state()}), and the batches
     *     whose twin files were applied before, to patch changed twins without reading them
     * @param targetKey names the target in the state area, such as {@code AdtTarget.stateKey()}
     * @param settings concurrency, retries, and whether to ignore the known state
     */
    public TwinWriter(
            DigitalTwinsClient client, URI endpoint, StagingStore staging, String targetKey, WriterSettings settings) {
        this(client, endpoint.toString(), staging, targetKey, settings, Sleeper.SYSTEM, Clock.systemUTC());
    }

    TwinWriter(
            DigitalTwinsClient client,
            String targetName,
            StagingStore staging,
            String targetKey,
            WriterSettings settings,
            Sleeper sleeper,
            Clock clock) {
        this.client = client;
        this.targetName = targetName;
        this.staging = staging;
        this.targetKey = targetKey;
        this.settings = settings;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * Writes the partition's twin files: models, twins, then relationships ({@link WritePhase#ALL}). Holds the
     * partition's writer lock ({@link KnownStateStore#lock(Partition)}) throughout, so the same twins are never
     * written by two writers at once. Partitions written at the same time must use the two phases instead
     * ({@link #write(Batch, Partition, SharedWrite, WritePhase)}): a relationship's target may be another partition's.
     *
     * @throws TwinWriteException when nothing could be written: another writer holds the target's lock, models
     *     refused, batch or state unreadable
     * @throws TargetUnreachableException when every request failed for {@link WriterSettings#unreachableAfter()}:
     *     the write stops early and records nothing (no results file, no known state), so that running it again
     *     writes what is missing
     */
    public WriteReport write(Batch batch, Partition partition) {
        return write(batch, partition, SharedWrite.alone(settings), WritePhase.ALL);
    }

    /**
     * Writes one phase of the partition, sharing {@code shared} with the partitions that run at the same time: their
     * rate budget is one and models are uploaded once. Every partition's {@link WritePhase#TWINS} must be done before
     * any partition's {@link WritePhase#RELATIONSHIPS} starts; the twin phase hands its outcome to the relationship
     * phase through the batch ({@link TwinHandOff}), and only the relationship phase changes the known state, which
     * partitions merge when they end ({@link KnownStateStore#saveMerged}).
     *
     * <p>The results and summary files are named by {@link WritePhase#resultsName(Partition)}.
     *
     * @see #write(Batch, Partition)
     */
    @SuppressWarnings("try") // the lock is held by the try block, not used in it
    public WriteReport write(Batch batch, Partition partition, SharedWrite shared, WritePhase phase) {
        Instant startedAt = clock.instant();
        RequestCounters counters = new RequestCounters(shared.requests());
        TargetCircuitBreaker circuit = new TargetCircuitBreaker(targetName, settings.unreachableAfter(), STOPPED);
        AdtGateway adt = new AdtGateway(client, retrier(counters, shared.limiter(), circuit));
        KnownStateStore store = new KnownStateStore(staging.state(), targetKey);
        try (StateLock lock = store.lock(partition)) {
            if (phase.writesTwins()) {
                shared.uploadModelsOnce(() -> new ModelUploader(adt).uploadMissing(batch));
            }
            KnownState known = store.load(partition);
            ResultsWriter results = new ResultsWriter(batch, BatchLayout.resultsFile(phase.resultsName(partition)));
            Set<String> written;
            try (results) {
                GraphSnapshot graph = settings.fullCompare() ? readGraph(batch, partition, adt) : null;
                written = writePhases(batch, partition, shared, phase, adt, known, graph, results, twin -> {});
                results.commit();
                counters.timeline().write(batch, phase.resultsName(partition));
            }
            if (phase.writesRelationships()) {
                // Only this partition's twins changed in `known`; other partitions may have saved theirs meanwhile.
                store.saveMerged(known, written, KNOWN_STATE_SAVE_WAIT);
            }
            WriteSummary summary = new WriteSummary(
                    startedAt,
                    clock.instant(),
                    targetKey,
                    results.counts(ItemKind.TWIN),
                    results.counts(ItemKind.RELATIONSHIP),
                    counters.requests(),
                    counters.retried(),
                    counters.throttled());
            log.info(
                    "Wrote partition {} of batch {}{}: twins {}, relationships {}, {} requests ({} retried, {}"
                            + " throttled)",
                    partition,
                    batch.id(),
                    phase == WritePhase.ALL ? "" : " (" + phase.name().toLowerCase(Locale.ROOT) + " phase)",
                    summary.twins(),
                    summary.relationships(),
                    summary.requests(),
                    summary.retried(),
                    summary.throttled());
            return new WriteReport(summary, results.failures());
        } catch (ModelUploadException | StagingException e) {
            throw new TwinWriteException(e.getMessage(), e);
        }
    }

    /**
     * The write of one phase of a partition, or of all of it, through {@code adt}: the real gateway, or a dry run's
     * {@link PlanningGateway}, which makes the same decisions but sends only reads. Holds no more of the partition in
     * memory than the pool's window: the twin phase hands each twin's outcome on as a line ({@link TwinHandOff}: in
     * the batch for a relationship phase run later, in a local spool for {@link WritePhase#ALL}) and the relationship
     * phase reads the lines back one by one, reading each twin's file again.
     *
     * @param twinsSeen is handed every twin phase's outcome, with its file, in the files' order (a dry run's plan
     *     names each twin's entity and model from them)
     * @return the ids of the twins whose entries in {@code known} may have changed
     */
    private Set<String> writePhases(
            Batch batch,
            Partition partition,
            SharedWrite shared,
            WritePhase phase,
            AdtGateway adt,
            KnownState known,
            GraphSnapshot graph,
            ResultsWriter results,
            Consumer<TwinOutcome> twinsSeen) {
        BoundedPool pool = new BoundedPool(settings.concurrency());
        TwinPhase twinPhase = twinPhase(known, adt, graph);
        // A replay's twins hold the replayed batch's data: recorded as its, so that a later replay of a batch
        // between the two still sees them as newer (and the file read back is the same, in that batch).
        String appliedBatch = settings.replayOf() != null
                ? settings.replayOf().value()
                : batch.id().value();
        RelationshipWrite relationships = new RelationshipWrite(
                batch,
                adt,
                known,
                new LastAppliedFiles(staging),
                results,
                graph,
                pool,
                twinPhase,
                sleeper,
                appliedBatch);
        if (!phase.writesTwins()) {
            TwinHandOff.requireEveryTwinPhase(batch, partition);
            Set<String> created = shared.createdTwins(() -> TwinHandOff.createdIn(batch));
            log.info(
                    "Writing partition {} of batch {} to {}: the twins its twin phase handed off (relationship phase)",
                    partition,
                    batch.id(),
                    targetKey);
            try (HandOffLines handedOff = TwinHandOff.read(batch, partition)) {
                return relationships.write(handedOff, created, shared.progress());
            }
        }
        List<String> paths = batch.list(BatchLayout.TWINS).stream()
                .filter(path -> path.endsWith(".json"))
                .filter(partition::contains)
                .toList();
        log.info(
                "{} partition {} of batch {} to {}: {} twin files, {} known twins{}",
                adt instanceof PlanningGateway ? "Planning the write of" : "Writing",
                partition,
                batch.id(),
                targetKey,
                paths.size(),
                known.size(),
                phase == WritePhase.ALL ? "" : " (twin phase)");
        if (phase == WritePhase.TWINS) {
            try (HandOffWriter handOff = TwinHandOff.writer(batch, partition)) {
                writeTwins(batch, paths, pool, twinPhase, shared.progress(), results, handOff, twinsSeen);
                handOff.commit();
            }
            return Set.of();
        }
        try (HandOffSpool spool = HandOffSpool.create()) {
            Set<String> created;
            try (HandOffWriter handOff = spool.writer()) {
                created = writeTwins(batch, paths, pool, twinPhase, shared.progress(), results, handOff, twinsSeen);
            }
            try (HandOffLines handedOff = spool.lines()) {
                return relationships.write(handedOff, created, shared.progress());
            }
        }
    }

    /**
     * The twin phase of the partition's files, at most the pool's window at a time: each twin's result line and
     * hand-off line are written as its turn comes, in the files' order, and its file is then let go.
     *
     * @return the ids of the twins created
     */
    private static Set<String> writeTwins(
            Batch batch,
            List<String> paths,
            BoundedPool pool,
            TwinPhase twinPhase,
            WriteProgress progress,
            ResultsWriter results,
            HandOffWriter handOff,
            Consumer<TwinOutcome> twinsSeen) {
        Set<String> created = new HashSet<>();
        pool.forEach(
                paths.iterator(),
                path -> {
                    TwinOutcome twin = twinPhase.apply(batch, path);
                    progress.twin(twin.result());
                    return twin;
                },
                twin -> {
                    results.write(twin.result());
                    if (twin.result().action() == ItemAction.CREATED) {
                        created.add(twin.file().twinId());
                    }
                    handOff.append(twin);
                    twinsSeen.accept(twin);
                });
        return created;
    }

    /**
     * Plans the write of the whole batch without writing anything: what {@link #write(Batch, Partition)} would
     * create, patch and delete, found by the same code with every write recorded instead of sent
     * ({@link PlanningGateway}). Sends only the reads that write would send (none for a twin the known state
     * says is applied, none for a changed twin whose last applied file is at hand), records nothing (no results file,
     * no known state) and takes no lock: a write running meanwhile makes the plan stale, not wrong.
     *
     * @throws TwinWriteException when the plan cannot be made: a model ADT holds with other content, batch or state
     *     unreadable
     * @throws TargetUnreachableException when ADT does not answer
     */
    public WritePlan plan(Batch batch) {
        RequestCounters counters = new RequestCounters();
        SharedWrite shared = SharedWrite.alone(settings);
        RequestRetrier retrier = retrier(
                counters,
                shared.limiter(),
                new TargetCircuitBreaker(
                        targetName, settings.unreachableAfter(), "The dry run stopped; nothing was written."));
        KnownState known = new KnownStateStore(staging.state(), targetKey).load();
        LastAppliedFiles lastApplied = new LastAppliedFiles(staging);
        try {
            // first, as in a write: the models, which a full compare's queries name
            PlanningGateway models = new PlanningGateway(client, retrier, PlanningGateway.Befores.NONE);
            new ModelUploader(models).uploadMissing(batch);
            GraphSnapshot graph =
                    settings.fullCompare() ? readGraph(batch, Partition.ALL, new AdtGateway(client, retrier)) : null;
            PlanningGateway adt = new PlanningGateway(client, retrier, new PlanBefores(known, lastApplied, graph));
            if (known.size() == 0 && graph == null) {
                adt.checkForEmptyGraph(); // a first load: one query may spare a read per twin
            }
            List<ItemResult> results = new ArrayList<>();
            // the plan names each twin's entity and model: a dry run keeps every twin file (and every result line)
            List<TwinOutcome> twins = new ArrayList<>();
            // never committed: a plan leaves no results file in the batch
            try (ResultsWriter discarded = new ResultsWriter(batch, BatchLayout.resultsFile("dry-run"), results::add)) {
                writePhases(batch, Partition.ALL, shared, WritePhase.ALL, adt, known, graph, discarded, twins::add);
            }
            WritePlan plan = DryRunPlans.of(models.models(), adt, twins, results, counters.requests());
            log.info(
                    "Planned the write of batch {} to {}: {} twins and {} relationships to write, {} models to upload;"
                            + " {} requests (reads)",
                    batch.id(),
                    targetKey,
                    plan.twins().size(),
                    plan.relationships().size(),
                    plan.models().size(),
                    plan.reads());
            return plan;
        } catch (ModelUploadException | StagingException e) {
            throw new TwinWriteException(e.getMessage(), e);
        }
    }

    private TwinPhase twinPhase(KnownState known, AdtGateway adt, GraphSnapshot graph) {
        if (graph != null) {
            return new TwinPhase(adt, known, graph);
        }
        return settings.replayOf() != null
                ? new TwinPhase(adt, known, new LastAppliedFiles(staging), new NoRollback(known, settings.replayOf()))
                : new TwinPhase(adt, known, new LastAppliedFiles(staging));
    }

    /** Reads the graph a full compare plans against. */
    private GraphSnapshot readGraph(Batch batch, Partition partition, AdtGateway adt) {
        GraphScope scope = GraphScopes.read(batch)
                .orElseThrow(() -> new StagingException("Batch " + batch.id() + " has no " + BatchLayout.SCOPE
                        + " (it was transformed by an earlier twinsync version), so a full compare cannot tell which"
                        + " twins the mapping covers; run a new batch with --full-compare"));
        return GraphSnapshot.read(adt, scope, partition);
    }

    private RequestRetrier retrier(RequestCounters counters, RequestLimiter limiter, TargetCircuitBreaker circuit) {
        return new RequestRetrier(settings.retryPolicy(), sleeper, counters, limiter, circuit);
    }
}
