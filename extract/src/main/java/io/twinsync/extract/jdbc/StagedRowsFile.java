package io.twinsync.extract.jdbc;

import io.twinsync.extract.ExtractException;
import io.twinsync.staging.Batch;
import io.twinsync.staging.rows.StagedRowWriter;
import io.twinsync.staging.rows.StagedSchema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Writes a result set, row by row, into a staged rows file. The file is published only after the last row; a
 * failure on the way publishes nothing (the staged stream is discarded unless committed).
 */
final class StagedRowsFile {

    private StagedRowsFile() {}

    /** Writes every row; {@code onRow} sees each row's values after they were read and before the next row. */
    static long write(
            Batch batch,
            String path,
            StagedSchema schema,
            ResultColumns columns,
            ResultSet rs,
            Consumer<Object[]> onRow) {
        try (StagedRowWriter writer = new StagedRowWriter(batch.create(path), schema)) {
            Object[] values = new Object[columns.size()];
            while (next(rs, schema, writer.rowsWritten())) {
                columns.read(rs, writer.rowsWritten() + 1, values);
                writer.write(values);
                onRow.accept(values);
            }
            writer.commit();
            return writer.rowsWritten();
        }
    }

    private static boolean next(ResultSet rs, StagedSchema schema, long rowsSoFar) {
        try {
            return rs.next();
        } catch (SQLException e) {
            throw new ExtractException(
                    "Entity " + schema.entity() + ": the source failed after " + rowsSoFar + " rows: " + e.getMessage()
                            + " [SQLState " + e.getSQLState() + "]. Nothing was staged for the entity; check the"
                            + " query and the source database, then run the batch again",
                    e);
        }
    }
}
