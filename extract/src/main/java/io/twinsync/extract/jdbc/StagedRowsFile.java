package io.twinsync.extract.jdbc;

import io.twinsync.extract.ExtractException;
import io.twinsync.staging.Batch;
import io.twinsync.staging.rows.StagedRowWriter;
import io.twinsync.staging.rows.StagedSchema;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Writes a result set, row by row, into a staged rows file; a failure leaves no file behind. */
final class StagedRowsFile {

    private StagedRowsFile() {}

    static long write(Batch batch, String path, StagedSchema schema, ResultColumns columns, ResultSet rs) {
        StagedRowWriter writer = new StagedRowWriter(batch.create(path), schema);
        try {
            Object[] values = new Object[columns.size()];
            while (next(rs, schema, writer.rowsWritten())) {
                columns.read(rs, writer.rowsWritten() + 1, values);
                writer.write(values);
            }
        } catch (RuntimeException e) {
            abandon(batch, path, writer, e);
            throw e;
        }
        writer.close();
        return writer.rowsWritten();
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

    // A batch file becomes visible when its stream is closed and cannot be abandoned unseen; so it is closed and
    // deleted at once, and readers of the failed batch find no rows file for the entity rather than a short one.
    private static void abandon(Batch batch, String path, StagedRowWriter writer, Exception failure) {
        try {
            writer.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        try {
            batch.delete(path);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
