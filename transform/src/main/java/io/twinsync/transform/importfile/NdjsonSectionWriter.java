package io.twinsync.transform.importfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.twinsync.staging.json.StagingJson;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the lines of an import file: one compact JSON object per line, each ending with a newline. A section's
 * marker line is written just before its first line, so a section with nothing in it is left out (the format
 * makes every section but the header optional). Sections must be opened in file order.
 */
final class NdjsonSectionWriter {

    private static final ObjectWriter COMPACT = StagingJson.mapper().writer();

    private final OutputStream out;
    private ImportSection current;

    NdjsonSectionWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes a line of a section, preceded by the section's marker when it is the section's first line. */
    void line(ImportSection section, JsonNode json) throws IOException {
        if (section != current) {
            if (current != null && section.ordinal() < current.ordinal()) {
                throw new IllegalStateException(
                        "Section " + section.marker() + " cannot follow section " + current.marker());
            }
            current = section;
            write(StagingJson.mapper().createObjectNode().put("Section", section.marker()));
        }
        write(json);
    }

    private void write(JsonNode json) throws IOException {
        // Bytes, not writeValue(out, ..): that flushes the stream after every line.
        out.write(COMPACT.writeValueAsBytes(json));
        out.write('\n');
    }
}
