package io.twinsync.extract.copied;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.extract.ExtractException;
import io.twinsync.staging.json.StagingJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a copied file line by line: one JSON object per line (the JSON sink's {@code setOfObjects}). Blank lines are
 * no rows; a UTF-8 byte order mark before the first line is dropped (Data Factory's {@code encodingName} "UTF-8",
 * unlike "UTF-8 without BOM", may write one).
 */
final class CopiedLines implements AutoCloseable {

    /** One line: its number (1-based) and either its object or why it is not one. */
    record Line(long number, ObjectNode object, String problem) {}

    private final BufferedReader reader;
    private final String file;
    private long number;

    CopiedLines(InputStream in, String file) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.file = file;
    }

    /** The next non-blank line, or null at the end of the file. */
    Line next() {
        String text;
        try {
            do {
                text = reader.readLine();
                number++;
                if (text != null && number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
            } while (text != null && text.isBlank());
        } catch (IOException e) {
            throw new ExtractException(
                    "Cannot read " + file + " after line " + (number - 1) + ": " + e.getMessage()
                            + ". Nothing was staged from it; check the staging area and run again",
                    e);
        }
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = StagingJson.mapper().readTree(text);
            if (node instanceof ObjectNode object) {
                return new Line(number, object, null);
            }
            return new Line(
                    number,
                    null,
                    "is JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                            + ", not an object (one object per line, as a JSON sink with filePattern setOfObjects"
                            + " writes)");
        } catch (JsonProcessingException e) {
            return new Line(number, null, "is not JSON: " + e.getOriginalMessage());
        }
    }

    /** A field of the object by the column's name: the exact name first, else one that differs only in case. */
    static JsonNode field(ObjectNode object, String column) {
        JsonNode exact = object.get(column);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(column)) {
                return field.getValue();
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new ExtractException("Cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
