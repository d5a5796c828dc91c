package io.twinsync.transform.twin;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.reject.Reject;
import io.twinsync.staging.reject.RejectWriter;
import io.twinsync.staging.rows.StagedRow;
import io.twinsync.staging.rows.StagedRowReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streams the staged rows of planned entities into twin files, one row at a time, and records a reject for every
 * problem of a row that cannot become a twin. One instance per batch: it remembers twin ids across entities, since
 * ADT ids are unique across the whole graph. Not thread-safe.
 */
public final class EntityTwinWriter {

    /** The stage name in rejects ({@code rejects/transform.ndjson}). */
    public static final String STAGE = "transform";

    private final Batch batch;
    private final RejectWriter rejects;
    private final TwinFileSink sink;

    public EntityTwinWriter(Batch batch, RejectWriter rejects) {
        this.batch = batch;
        this.rejects = rejects;
        this.sink = new TwinFileSink(batch);
    }

    public EntityCounts write(EntityPlan plan) {
        String path = BatchLayout.rowsFile(plan.entity());
        TwinRowBuilder builder = new TwinRowBuilder(plan);
        long rows = 0;
        long twins = 0;
        long tombstones = 0;
        long relationships = 0;
        long rejected = 0;
        try (StagedRowReader reader = new StagedRowReader(batch.open(path), batch.location() + "/" + path)) {
            while (reader.hasNext()) {
                StagedRow row = reader.next();
                rows++;
                TwinRowBuilder.Result result = builder.build(row);
                List<RowProblem> problems = result.problems();
                if (result.file() != null) {
                    Optional<RowProblem> duplicate = sink.write(
                            result.file(), () -> StagedValues.key(plan, row).toString());
                    problems = duplicate.map(List::of).orElse(List.of());
                }
                if (problems.isEmpty()) {
                    twins++;
                    tombstones += result.file().tombstone() ? 1 : 0;
                    relationships += result.file().relationships().size();
                } else {
                    rejected++;
                    reject(plan, row, problems);
                }
            }
        }
        return new EntityCounts(plan.entity(), rows, twins, tombstones, relationships, rejected);
    }

    private void reject(EntityPlan plan, StagedRow row, List<RowProblem> problems) {
        rejects(plan, row, problems).forEach(rejects::write);
    }

    /** The reject lines for the problems of a row, as transform writes them. */
    static List<Reject> rejects(EntityPlan plan, StagedRow row, List<RowProblem> problems) {
        Map<String, Object> key = rowKey(plan, row);
        return problems.stream()
                .map(problem -> new Reject(
                        STAGE,
                        plan.entity(),
                        row.number(),
                        key,
                        problem.field(),
                        problem.value(),
                        problem.code().name(),
                        problem.reason()))
                .toList();
    }

    private static Map<String, Object> rowKey(EntityPlan plan, StagedRow row) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (int i = 0; i < plan.keyColumns().size(); i++) {
            key.put(plan.keyColumns().get(i), row.get(plan.keyIndex(i)));
        }
        return key;
    }
}
