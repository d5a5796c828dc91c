package io.twinsync.extract.jdbc;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.rows.StagedRow;
import io.twinsync.staging.rows.StagedRowReader;
import io.twinsync.staging.rows.StagedSchema;
import java.util.ArrayList;
import java.util.List;

/** Reads a staged rows file back for assertions. */
record StagedFiles(StagedSchema schema, List<StagedRow> rows) {

    static StagedFiles read(Batch batch, String entity) {
        String path = BatchLayout.rowsFile(entity);
        try (StagedRowReader reader = new StagedRowReader(batch.open(path), path)) {
            List<StagedRow> rows = new ArrayList<>();
            reader.forEachRemaining(rows::add);
            return new StagedFiles(reader.schema(), rows);
        }
    }

    StagedRow row(int number) {
        return rows.get(number - 1);
    }
}
