package io.twinsync.transform.twin;

import io.twinsync.staging.reject.Reject;
import io.twinsync.staging.rows.StagedRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts staged rows through the same row rules as a transform run, but writes nothing: it returns the rejects each
 * row would get. Remembers the twin ids (and the first row of each) of every row checked, across entities, to find
 * duplicates, so it is meant for a sample, not a whole batch. Not thread-safe; one instance per check.
 */
public final class RowDryRun {

    private final Map<String, FirstRow> firstRows = new HashMap<>();

    private record FirstRow(String entity, Object key) {}

    /**
     * The rejects transform would write for this row of the planned entity; empty when it would become a twin (or,
     * for a link entity, a relationship; whether its source twin gets a file is not checked).
     */
    public List<Reject> check(EntityPlan plan, StagedRow row) {
        TwinRowBuilder.Result result = new TwinRowBuilder(plan).build(row);
        List<RowProblem> problems = result.problems();
        if (result.file() != null && !plan.isLink()) { // a link's rows share their source twin's id
            String twinId = result.file().twinId();
            FirstRow first = firstRows.putIfAbsent(
                    twinId, new FirstRow(plan.entity(), result.file().sourceKey()));
            if (first != null) {
                problems = List.of(RowProblem.duplicateTwinId(
                        twinId,
                        first.entity(),
                        first.key(),
                        StagedValues.key(plan, row).toString()));
            }
        }
        return EntityTwinWriter.rejects(plan, row, problems);
    }
}
