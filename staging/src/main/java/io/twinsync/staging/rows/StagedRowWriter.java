package io.twinsync.staging.rows;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import java.io.IOException;
import java.io.OutputStream;

/** Streams rows of one entity into a staged rows file. Not thread-safe. */
public final class StagedRowWriter implements AutoCloseable {

    public static final String FORMAT = "twinsync.rows/1";

    private final StagedSchema schema;
    private final JsonGenerator out;
    private final OutputStream stream;
    private long rows;

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
            throw new StagingException("Cannot start rows file for " + schema.entity() + ": " + e.getMessage(), e);
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

    @Override
    public void close() {
        try {
            out.close();
            stream.close();
        } catch (IOException e) {
            throw new StagingException("Cannot finish rows file for " + schema.entity() + ": " + e.getMessage(), e);
        }
    }
}
