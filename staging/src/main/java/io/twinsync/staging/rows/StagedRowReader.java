package io.twinsync.staging.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Streams rows back out of a staged rows file. Not thread-safe. */
public final class StagedRowReader implements Iterator<StagedRow>, AutoCloseable {

    private final BufferedReader in;
    private final StagedSchema schema;
    private final String source;
    private StagedRow next;
    private long number;

    public StagedRowReader(InputStream stream, String source) {
        this.source = source;
        this.in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
        this.schema = readHeader();
    }

    public StagedSchema schema() {
        return schema;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readRow();
        }
        return next != null;
    }

    @Override
    public StagedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more rows in " + source);
        }
        StagedRow row = next;
        next = null;
        return row;
    }

    private StagedSchema readHeader() {
        ObjectMapper json = StagingJson.mapper();
        try {
            String line = in.readLine();
            if (line == null) {
                throw new StagingException(source + " is empty; a staged rows file starts with its header line");
            }
            JsonNode header = json.readTree(line);
            if (!StagedRowWriter.FORMAT.equals(header.path("format").asText())) {
                throw new StagingException(source + " is not a " + StagedRowWriter.FORMAT + " file (format: "
                        + header.path("format") + ")");
            }
            List<String> key = new ArrayList<>();
            header.path("key").forEach(k -> key.add(k.asText()));
            List<StagedColumn> columns = new ArrayList<>();
            header.path("columns")
                    .forEach(c -> columns.add(new StagedColumn(
                            c.path("name").asText(),
                            ValueType.valueOf(c.path("type").asText()))));
            return new StagedSchema(header.path("entity").asText(), key, columns);
        } catch (IOException | IllegalArgumentException e) {
            throw new StagingException("Cannot read the header of " + source + ": " + e.getMessage(), e);
        }
    }

    private StagedRow readRow() {
        try {
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                return null;
            }
            number++;
            JsonNode array = StagingJson.mapper().readTree(line);
            List<StagedColumn> columns = schema.columns();
            if (!array.isArray() || array.size() != columns.size()) {
                throw new StagingException(
                        source + " row " + number + " has " + array.size() + " values, expected " + columns.size());
            }
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = columns.get(i).type().read(array.get(i));
            }
            return new StagedRow(schema, number, values);
        } catch (IOException | RuntimeException e) {
            if (e instanceof StagingException s) {
                throw s;
            }
            throw new StagingException("Cannot read row " + number + " of " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new StagingException("Cannot close " + source + ": " + e.getMessage(), e);
        }
    }
}
