package io.twinsync.orchestrator.state;

import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.staging.Batch;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.writer.drift.DriftCheck;
import io.twinsync.writer.drift.DriftReport;
import io.twinsync.writer.state.KnownStateStore;
import java.io.IOException;
import java.util.List;

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
        DriftReport report = new DriftCheck(target.client(), target.target().endpoint(), target.writerSettings())
                .check(new KnownStateStore(staging.state(), target.stateKey()).load(), models);
        new DriftSchedule(TargetState.of(staging, target.stateKey()), 0).checked();
        return report;
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
}
