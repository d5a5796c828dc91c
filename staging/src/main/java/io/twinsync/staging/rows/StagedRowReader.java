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

/**
 * Streams rows back out of a staged rows file. Blank lines are allowed only at the end of the file; a blank line
 * followed by more rows, or any line that is not a row of the header's columns, fails with a {@link
 * StagingException} naming the file and the line. Not thread-safe.
 */
public final class StagedRowReader implements Iterator<StagedRow>, AutoCloseable {

    private final BufferedReader in;
    private final StagedSchema schema;
    private final String source;
    private StagedRow next;
    private long number;
    private long lineNumber;

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
            String line = readLine();
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
        String line = readLine();
        if (line == null) {
            return null;
        }
        if (line.isBlank()) {
            // A trailing newline or blank lines at the very end are harmless; a gap before more rows is not.
            long blankLine = lineNumber;
            while ((line = readLine()) != null) {
                if (!line.isBlank()) {
                    throw new StagingException(source + " line " + blankLine + " is blank but more rows follow (line "
                            + lineNumber + "); the file was changed or damaged after extract wrote it."
                            + " Extract the batch again");
                }
            }
            return null;
        }
        number++;
        try {
            JsonNode array = StagingJson.mapper().readTree(line);
            List<StagedColumn> columns = schema.columns();
            if (array == null || !array.isArray() || array.size() != columns.size()) {
                throw new StagingException(source + " line " + lineNumber + " (row " + number + ") has "
                        + (array != null && array.isArray() ? array.size() + " values" : "no JSON array")
                        + ", expected " + columns.size() + " values");
            }
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = columns.get(i).type().read(array.get(i));
            }
            return new StagedRow(schema, number, values);
        } catch (StagingException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new StagingException(
                    "Cannot read " + source + " line " + lineNumber + " (row " + number + "): " + e.getMessage(), e);
        }
    }

    private String readLine() {
        try {
            String line = in.readLine();
            if (line != null) {
                lineNumber++;
            }
            return line;
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot read " + source + " after line " + lineNumber + ": " + e.getMessage(), e);
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
