package io.twinsync.emulator.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.json.EmulatorJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads an NDJSON import file one line at a time, so that files of any size stream through. */
final class ImportFileReader {

    /**
     * One non-blank line.
     *
     * @param number 1-based, counting blank lines too, as an editor shows it
     * @param json the parsed line, or null when it is not JSON
     * @param problem why the line could not be parsed, or null
     * @param bytes the line's size in UTF-8
     */
    record Line(int number, JsonNode json, String problem, int bytes) {}

    private final BufferedReader reader;
    private int number;

    ImportFileReader(InputStream input) {
        this.reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    }

    /** The next non-blank line, or null at the end of the file. */
    Line next() throws IOException {
        String text;
        do {
            text = reader.readLine();
            number++;
            if (text == null) {
                return null;
            }
        } while (text.isBlank());
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        try {
            return new Line(number, EmulatorJson.parse(text.getBytes(StandardCharsets.UTF_8)), null, bytes);
        } catch (JsonProcessingException e) {
            return new Line(number, null, "The line is not valid JSON: " + e.getOriginalMessage(), bytes);
        }
    }
}
