package io.twinsync.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The sections of an import file, in the order they must appear; each is opened by {"Section": "<name>"}. */
enum ImportSection {
    HEADER("Header"),
    MODELS("Models"),
    TWINS("Twins"),
    RELATIONSHIPS("Relationships");

    private final String fileName;

    ImportSection(String fileName) {
        this.fileName = fileName;
    }

    /** The name as the file and the log spell it. */
    String fileName() {
        return fileName;
    }

    /** The section a marker line opens, or empty when the line is not a marker. */
    static Optional<ImportSection> ofMarker(JsonNode line, int lineNumber) {
        if (!line.isObject() || line.size() != 1 || !line.has("Section")) {
            return Optional.empty();
        }
        String name = line.get("Section").asText("");
        for (ImportSection section : values()) {
            if (section.fileName.equals(name)) {
                return Optional.of(section);
            }
        }
        throw new ImportAbortedException(
                null,
                lineNumber,
                ImportRun.UNSUPPORTED_FILE_FORMAT,
                "Unknown section '" + name + "'; the sections are Header, Models, Twins and Relationships",
                false);
    }
}
