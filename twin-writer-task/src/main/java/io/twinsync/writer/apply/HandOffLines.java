package io.twinsync.writer.apply;

import com.fasterxml.jackson.databind.ObjectReader;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A hand-off's lines, read one at a time as the relationship phase takes them, so that a partition's hand-off is
 * never in memory whole.
 */
public final class HandOffLines implements Iterator<HandedOffTwin>, AutoCloseable {

    private static final ObjectReader LINE = StagingJson.mapper().readerFor(HandedOffTwin.class);

    private final BufferedReader lines;
    private final String name;
    private HandedOffTwin next;

    HandOffLines(InputStream in, String name) {
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.name = name;
    }

    @Override
    public boolean hasNext() {
        try {
            while (next == null) {
                String text = lines.readLine();
                if (text == null) {
                    return false;
                }
                if (!text.isBlank()) {
                    next = LINE.readValue(text);
                }
            }
            return true;
        } catch (IOException e) {
            throw new StagingException("Cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public HandedOffTwin next() {
        if (!hasNext()) {
            throw new NoSuchElementException(name + " has no more lines");
        }
        HandedOffTwin line = next;
        next = null;
        return line;
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            throw new StagingException("Cannot close " + name + ": " + e.getMessage(), e);
        }
    }
}
