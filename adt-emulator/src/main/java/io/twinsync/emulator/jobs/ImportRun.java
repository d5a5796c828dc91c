package io.twinsync.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.http.PayloadLimitFilter;
import io.twinsync.emulator.store.EmulatorStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Applies one import file to the store through the same services (and so the same validation) as the REST API.
 * Models are added all or nothing when their section ends; a refused Models section stops the job. Twins and
 * relationships are written line by line: a refused line is logged and the job goes on, since import jobs are not
 * atomic.
 */
final class ImportRun {

    /** The exceptionType the service logs for lines that break the file format. */
    static final String UNSUPPORTED_FILE_FORMAT = "UnsupportedFileFormat";

    /** The job error code the service reported for a Models section with invalid DTDL. */
    static final String DTDL_PARSING_ERROR = "DTDLParsingError";

    /**
     * How the file went.
     *
     * @param firstRefusal the exceptionType of the first refused line, or null when none was refused
     */
    record Outcome(
            boolean cancelled,
            int twins,
            int twinsRefused,
            int relationships,
            int relationshipsRefused,
            String firstRefusal) {

        boolean anyRefused() {
            return firstRefusal != null;
        }
    }

    private final EmulatorStore store;
    private final ImportLog log;
    private final BooleanSupplier cancelRequested;
    private final Runnable checkpoint;
    private final List<ImportFileReader.Line> models = new ArrayList<>();
    private int sectionRefusals;
    private int twins;
    private int twinsRefused;
    private int relationships;
    private int relationshipsRefused;
    private String firstRefusal;

    /** @param checkpoint called after each section, to publish the log so far */
    ImportRun(EmulatorStore store, ImportLog log, BooleanSupplier cancelRequested, Runnable checkpoint) {
        this.store = store;
        this.log = log;
        this.cancelRequested = cancelRequested;
        this.checkpoint = checkpoint;
    }

    /**
     * Reads and applies the whole file.
     *
     * @throws ImportAbortedException when the file is malformed or its Models section is refused
     */
    Outcome apply(ImportFileReader reader) throws IOException {
        ImportSection current = null;
        for (ImportFileReader.Line line = reader.next(); line != null; line = reader.next()) {
            if (cancelRequested.getAsBoolean()) {
                return outcome(true);
            }
            if (line.json() == null) {
                if (current == null) {
                    throw abort(null, line.number(), line.problem());
                }
                countRefusedEntity(current);
                refuse(current, line.number(), UNSUPPORTED_FILE_FORMAT, line.problem());
                continue;
            }
            var marker = ImportSection.ofMarker(line.json(), line.number());
            if (marker.isPresent()) {
                current = open(current, marker.get(), line.number());
                continue;
            }
            if (current == null) {
                throw abort(null, line.number(), "The file must start with {\"Section\": \"Header\"}");
            }
            switch (current) {
                case HEADER -> checkHeader(line);
                case MODELS -> models.add(line);
                case TWINS -> importTwin(line);
                case RELATIONSHIPS -> importRelationship(line);
            }
        }
        if (current == null) {
            throw abort(null, null, "The file is empty; it must start with {\"Section\": \"Header\"}");
        }
        close(current);
        return outcome(false);
    }

    private ImportSection open(ImportSection current, ImportSection next, int lineNumber) {
        if (current == null && next != ImportSection.HEADER) {
            throw abort(null, lineNumber, "The file must start with {\"Section\": \"Header\"}");
        }
        if (current != null && next.ordinal() <= current.ordinal()) {
            throw abort(
                    current,
                    lineNumber,
                    "Section " + next.fileName() + " follows section " + current.fileName()
                            + "; sections must appear once each, in the order Header, Models, Twins, Relationships");
        }
        if (current != null) {
            close(current);
        }
        if (next != ImportSection.HEADER) {
            log.sectionStatus(next, "Started", false);
        }
        sectionRefusals = 0;
        return next;
    }

    private void close(ImportSection section) {
        if (section == ImportSection.HEADER) {
            return;
        }
        if (section == ImportSection.MODELS) {
            commitModels();
        }
        boolean failed = sectionRefusals > 0;
        log.sectionStatus(section, failed ? "Failed" : "Succeeded", failed);
        checkpoint.run();
        if (section == ImportSection.MODELS && failed) {
            throw new ImportAbortedException(
                    section,
                    null,
                    firstRefusal,
                    "The Models section was refused, so no model of the file was added and the job stopped",
                    true);
        }
    }

    private void checkHeader(ImportFileReader.Line line) {
        if (!line.json().isObject()) {
            throw abort(ImportSection.HEADER, line.number(), "The header must be a JSON object with fileVersion");
        }
    }

    /** Adds the section's models in one all-or-nothing batch; a refusal names the line of the first problem. */
    private void commitModels() {
        List<JsonNode> definitions = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (ImportFileReader.Line line : models) {
            definitions.add(line.json());
            lines.add(line.number());
        }
        try {
            store.models().importModels(definitions, i -> "line " + lines.get(i));
        } catch (AdtException e) {
            Integer line = null;
            for (int i = 0; i < lines.size() && line == null; i++) {
                String name = "line " + lines.get(i);
                if (e.details().stream().anyMatch(d -> d.startsWith(name + " ") || d.startsWith(name + ":"))) {
                    line = lines.get(i);
                }
            }
            refuse(ImportSection.MODELS, line, exceptionType(e), e.getMessage());
        }
    }

    private void importTwin(ImportFileReader.Line line) {
        JsonNode twin = line.json();
        String id = twin.path("$dtId").asText("");
        if (!twin.isObject() || id.isBlank()) {
            twinsRefused++;
            refuse(
                    ImportSection.TWINS,
                    line.number(),
                    UNSUPPORTED_FILE_FORMAT,
                    "Twin must have property $dtId representing the ID of the twin.");
            return;
        }
        try {
            checkSize(line, "twin '" + id + "'");
            store.twins().createOrReplace(id, twin, null);
            twins++;
        } catch (AdtException e) {
            twinsRefused++;
            refuse(ImportSection.TWINS, line.number(), exceptionType(e), e.getMessage());
        }
    }

    private void importRelationship(ImportFileReader.Line line) {
        JsonNode relationship = line.json();
        String source = relationship.path("$dtId").asText("");
        String id = relationship.path("$relationshipId").asText("");
        if (!relationship.isObject() || source.isBlank() || id.isBlank()) {
            relationshipsRefused++;
            refuse(
                    ImportSection.RELATIONSHIPS,
                    line.number(),
                    UNSUPPORTED_FILE_FORMAT,
                    source.isBlank()
                            ? "Relationship must have property $dtId representing the ID of the source twin."
                            : "Relationship must have property $relationshipId representing its ID.");
            return;
        }
        try {
            checkSize(line, "relationship '" + id + "' of twin '" + source + "'");
            store.relationships().createOrReplace(source, id, relationship, null);
            relationships++;
        } catch (AdtException e) {
            relationshipsRefused++;
            refuse(ImportSection.RELATIONSHIPS, line.number(), exceptionType(e), e.getMessage());
        }
    }

    /** The 32 KB limit of a twin or relationship applies to import lines as to REST bodies. */
    private static void checkSize(ImportFileReader.Line line, String what) {
        if (line.bytes() > PayloadLimitFilter.MAX_WRITE_BYTES) {
            throw new AdtException(
                    AdtError.INVALID_ARGUMENT,
                    "The " + what + " is " + line.bytes() + " bytes; ADT accepts at most "
                            + PayloadLimitFilter.MAX_WRITE_BYTES + " bytes");
        }
    }

    private void countRefusedEntity(ImportSection section) {
        if (section == ImportSection.TWINS) {
            twinsRefused++;
        } else if (section == ImportSection.RELATIONSHIPS) {
            relationshipsRefused++;
        }
    }

    private void refuse(ImportSection section, Integer line, String exceptionType, String message) {
        sectionRefusals++;
        if (firstRefusal == null) {
            firstRefusal = exceptionType;
        }
        log.lineError(section, line, exceptionType, message);
    }

    private Outcome outcome(boolean cancelled) {
        return new Outcome(cancelled, twins, twinsRefused, relationships, relationshipsRefused, firstRefusal);
    }

    private static ImportAbortedException abort(ImportSection section, Integer line, String message) {
        return new ImportAbortedException(section, line, UNSUPPORTED_FILE_FORMAT, message, false);
    }

    /** The REST error code, except for DTDL, where the job reports DTDLParsingError rather than DTDLParserError. */
    static String exceptionType(AdtException e) {
        return e.error() == AdtError.DTDL_PARSER_ERROR
                ? DTDL_PARSING_ERROR
                : e.error().code();
    }
}
