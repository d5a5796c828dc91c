package io.twinsync.orchestrator.state;

import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.staging.Batch;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.writer.TargetUnreachableException;
import io.twinsync.writer.apply.AdtError;
import io.twinsync.writer.drift.DriftCheck;
import io.twinsync.writer.drift.DriftReport;
import io.twinsync.writer.state.KnownState;
import io.twinsync.writer.state.KnownStateStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** The drift check of the configured target for a mapping: the mapped models' twins against the known state. */
public final class TargetDrift {

    /** Where a run keeps what its check found, in the batch. */
    public static final String BATCH_FILE = "drift.json";

    private TargetDrift() {}

    public static DriftReport check(TwinGraphTarget target, StagingStore staging, Mapping mapping) {
        List<String> models = mapping.entities().stream()
                .map(e -> e.twin().model())
                .distinct()
                .toList();
        KnownState known = new KnownStateStore(staging.state(), target.stateKey()).load();
        DriftReport report;
        try {
            report = new DriftCheck(target.client(), target.target().endpoint(), target.writerSettings())
                    .check(known, models);
        } catch (TargetUnreachableException e) {
            throw e; // names the target and says what to do already
        } catch (RuntimeException e) {
            throw cannotQuery(target, e);
        }
        new DriftSchedule(TargetState.of(staging, target.stateKey()), 0).checked();
        return report;
    }

    /**
     * The graph could not be queried: what the service said, and what to check (without this, an unreachable target
     * failed the command with the bare words {@code java.net.ConnectException}).
     */
    private static IllegalStateException cannotQuery(TwinGraphTarget target, RuntimeException e) {
        AdtError error = AdtError.of(e);
        return new IllegalStateException(
                "Cannot query the twins of " + target.description() + " for the drift check: " + error.code() + ": "
                        + error.message() + ". Check the endpoint, the network, and that the identity may query the"
                        + " instance (the 'Azure Digital Twins Data Reader' role or above)",
                e);
    }

    /** Keeps the report in the batch ({@value #BATCH_FILE}), every drifted twin listed. */
    public static void record(Batch batch, DriftReport report) {
        try (StagedOutput out = batch.create(BATCH_FILE)) {
            StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, report);
            out.commit();
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot write " + BATCH_FILE + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }

    /** The drift check this batch's run recorded, if it made one. */
    public static Optional<DriftReport> recorded(Batch batch) {
        if (!batch.exists(BATCH_FILE)) {
            return Optional.empty();
        }
        try (InputStream in = batch.open(BATCH_FILE)) {
            return Optional.of(StagingJson.mapper().readValue(in, DriftReport.class));
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot read " + BATCH_FILE + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }
}
