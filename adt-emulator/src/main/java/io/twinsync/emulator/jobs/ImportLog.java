package io.twinsync.emulator.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.json.EmulatorJson;
import java.io.ByteArrayOutputStream;
import java.time.Instant;

/**
 * The NDJSON log an import job writes to its output blob, one object per line:
 * {@code {"timestamp","jobId","jobType":"Import","logType":"Info"|"Error","details":{...}}}. Details are
 * {@code {"status"}} for the job, {@code {"section","status"}} for a section and
 * {@code {"section","line","exceptionType","message"}} for a refused line, as the service writes them.
 */
final class ImportLog {

    private final String jobId;
    private final ByteArrayOutputStream lines = new ByteArrayOutputStream();
    private int errors;

    ImportLog(String jobId) {
        this.jobId = jobId;
    }

    void jobStatus(String status, boolean error) {
        ObjectNode details = EmulatorJson.object().put("status", status);
        append(error, details);
    }

    void sectionStatus(ImportSection section, String status, boolean error) {
        ObjectNode details = EmulatorJson.object().put("section", section.fileName());
        details.put("status", status);
        append(error, details);
    }

    /** A refused line (or, with {@code line} null, a refused section or file). */
    void lineError(ImportSection section, Integer line, String exceptionType, String message) {
        ObjectNode details = EmulatorJson.object();
        if (section != null) {
            details.put("section", section.fileName());
        }
        if (line != null) {
            details.put("line", line);
        }
        details.put("exceptionType", exceptionType);
        details.put("message", message);
        append(true, details);
    }

    /** How many Error entries the log holds. */
    int errors() {
        return errors;
    }

    byte[] bytes() {
        return lines.toByteArray();
    }

    private void append(boolean error, ObjectNode details) {
        ObjectNode entry = EmulatorJson.object();
        entry.put("timestamp", Instant.now().toString());
        entry.put("jobId", jobId);
        entry.put("jobType", "Import");
        entry.put("logType", error ? "Error" : "Info");
        entry.set("details", details);
        lines.writeBytes(EmulatorJson.bytes(entry));
        lines.write('\n');
        if (error) {
            errors++;
        }
    }
}
