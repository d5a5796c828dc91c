package io.twinsync.writer;

import io.twinsync.staging.manifest.WriteSummary;
import io.twinsync.writer.report.ItemResult;
import java.util.List;

/**
 * What one {@link TwinWriter#write} did: the counts for the manifest and the twins and relationships that failed.
 *
 * @param summary counts of twins and relationships by outcome, and the requests it took
 * @param failures every twin, twin file and relationship that failed, with the service's error code and message
 */
public record WriteReport(WriteSummary summary, List<ItemResult> failures) {

    /** Everything written (or already up to date). */
    public static final int EXIT_OK = 0;
    /** The writer could not run; set by the task CLI, never by a report. */
    public static final int EXIT_COULD_NOT_RUN = 1;
    /** Some twins or relationships failed; the rest were written. */
    public static final int EXIT_SOME_FAILED = 3;

    public WriteReport {
        failures = List.copyOf(failures);
    }

    /** {@value #EXIT_OK} when everything was written, {@value #EXIT_SOME_FAILED} when something failed. */
    public int exitCode() {
        return failures.isEmpty() ? EXIT_OK : EXIT_SOME_FAILED;
    }
}
