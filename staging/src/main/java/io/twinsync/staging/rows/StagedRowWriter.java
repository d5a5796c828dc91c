package io.twinsync.staging.rows;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Streams rows of one entity into a staged rows file. Call {@link #commit()} when every row is written: it flushes
 * the rows and, for a {@link StagedOutput}, publishes the file; {@link #close()} without it discards a
 * {@code StagedOutput}, so a failed extract publishes no file. Not thread-safe.
 */
public final class StagedRowWriter implements AutoCloseable {

    public static final String FORMAT = "twinsync.rows/1";

    private final StagedSchema schema;
    private final JsonGenerator out;
    private final OutputStream stream;
    private long rows;
    private boolean committed;

    public StagedRowWriter(OutputStream stream, StagedSchema schema) {
        this.schema = schema;
        this.stream = stream;
        try {
            this.out = StagingJson.mapper().getFactory().createGenerator(stream, JsonEncoding.UTF8);
            out.setRootValueSeparator(null);
            out.writeStartObject();
            out.writeStringField("format", FORMAT);
            out.writeStringField("entity", schema.entity());
            out.writeArrayFieldStart("key");
            for (String k : schema.key()) {
                out.writeString(k);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("columns");
            for (StagedColumn c : schema.columns()) {
                out.writeStartObject();
                out.writeStringField("name", c.name());
                out.writeStringField("type", c.type().name());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
            out.writeRaw('\n');
        } catch (IOException e) {
            StagingException failure =
                    new StagingException("Cannot start rows file for " + schema.entity() + ": " + e.getMessage(), e);
            try {
                stream.close();
            } catch (IOException | RuntimeException closeFailure) {
                failure.addSuppressed(closeFailure);
            }
            throw failure;
        }
    }

    /** Writes one row; values are in column order and have their column type's Java representation. */
    public void write(Object... values) {
        if (values.length != schema.columns().size()) {
            throw new IllegalArgumentException("Entity " + schema.entity() + " has "
                    + schema.columns().size() + " columns but the row has " + values.length + " values");
        }
        try {
            out.writeStartArray();
            for (int i = 0; i < values.length; i++) {
                StagedColumn column = schema.columns().get(i);
                column.type().check(column.name(), values[i]);
                if (values[i] == null) {
                    out.writeNull();
                } else {
                    column.type().write(out, values[i]);
                }
            }
            out.writeEndArray();
            out.writeRaw('\n');
            rows++;
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot write row " + (rows + 1) + " of " + schema.entity() + ": " + e.getMessage(), e);
        }
    }

    public long rowsWritten() {
        return rows;
    }

    /**
     * Ends the file: writes out the buffered rows, then publishes the stream when it is a {@link StagedOutput}, or
     * closes it otherwise.
     */
    public void commit() {
        try {
            out.close(); // flushes; the stream stays open (AUTO_CLOSE_TARGET is off)
            if (stream instanceof StagedOutput staged) {
                staged.commit();
            } else {
                stream.close();
            }
            committed = true;
        } catch (IOException e) {
            throw new StagingException("Cannot finish rows file for " + schema.entity() + ": " + e.getMessage(), e);
        }
    }

    /** Closes the writer and its stream; a {@link StagedOutput} that was not committed is discarded. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try (stream) {
            out.close();
        } catch (IOException e) {
            throw new StagingException("Cannot close rows file for " + schema.entity() + ": " + e.getMessage(), e);
        }
    }
}
