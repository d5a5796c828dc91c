package io.twinsync.transform.twin;

import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.rows.StagedColumn;
import io.twinsync.staging.rows.StagedSchema;
import io.twinsync.transform.mapping.MappingProblem;
import io.twinsync.transform.mapping.MappingProblems;

/** Resolves mapping column names to positions in a staged file, reporting each column the file lacks. */
final class ColumnBinder {

    private final StagedSchema schema;
    private final String entity;
    private final String entityLabel;
    private final MappingProblems problems;

    ColumnBinder(StagedSchema schema, String entity, MappingProblems problems) {
        this.schema = schema;
        this.entity = entity;
        this.entityLabel = "entity '" + entity + "': ";
        this.problems = problems;
    }

    /** The column's position (ignoring case), or -1 having reported that {@code at} names a missing column. */
    int indexOf(String column, String at) {
        return schema.indexOf(column).orElseGet(() -> {
            problems.add(new MappingProblem(
                    MappingProblem.Kind.MISSING_COLUMN,
                    entity,
                    at,
                    column,
                    entityLabel + at + ": column '" + column + "' is not in " + rowsFile()
                            + "; its columns are " + schema.columnNames()
                            + ". Add it to the source query (or alias it) or fix the mapping"));
            return -1;
        });
    }

    StagedColumn column(int index) {
        return schema.columns().get(index);
    }

    /** Records a problem of this entity. */
    void report(MappingProblem.Kind kind, String at, String value, String message) {
        problems.add(new MappingProblem(kind, entity, at, value, entityLabel + at + ": " + message));
    }

    String entityLabel() {
        return entityLabel;
    }

    String rowsFile() {
        return BatchLayout.rowsFile(entity);
    }
}
