package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.report.BatchResult;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.ExtractSummary;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.staging.manifest.WriteSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The summary a run prints, read from the batch manifest so that it shows what the batch records. */
final class RunReport {

    private final BatchManifest manifest;
    private final String location;
    private final boolean writeSkipped;
    private final boolean driftLeft;
    private final boolean dryRun;

    /** @param driftLeft true when the run found drift and did not repair it */
    RunReport(BatchManifest manifest, String location, boolean writeSkipped, boolean driftLeft) {
        this(manifest, location, writeSkipped, driftLeft, false);
    }

    /** @param dryRun the write was skipped for a dry run, whose plan is printed after these lines */
    RunReport(BatchManifest manifest, String location, boolean writeSkipped, boolean driftLeft, boolean dryRun) {
        this.manifest = manifest;
        this.location = location;
        this.writeSkipped = writeSkipped;
        this.driftLeft = driftLeft;
        this.dryRun = dryRun;
    }

    /**
     * True when every row became a twin, every twin and relationship was written (or writing was not asked), and no
     * drift was left.
     */
    boolean complete() {
        return result() == BatchResult.OK;
    }

    void print(PrintWriter out) {
        print(out, Optional.empty());
    }

    /** @param report where the batch's HTML report is, when it has one */
    void print(PrintWriter out, Optional<String> report) {
        printCounts(out);
        report.ifPresent(path -> out.printf("  report     %s%n", path));
        out.printf("  result     %s%n", result());
        out.flush();
    }

    /** What each stage did, without the result line. */
    void printCounts(PrintWriter out) {
        ExtractSummary extract = manifest.extract();
        if (extract != null) {
            out.printf(
                    Locale.ROOT,
                    "  extract    %,d rows from %d entities (%s) in %s%n",
                    extract.totalRows(),
                    extract.rowsByEntity().size(),
                    extract.rowsByEntity().entrySet().stream()
                            .sorted(java.util.Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")),
                    seconds(extract.startedAt(), extract.finishedAt()));
            if (extract.rowsRejected() > 0) {
                out.printf(
                        Locale.ROOT,
                        "             %,d lines of copied rows set aside by reason: %s; each is listed with its line"
                                + " number and reason in %s/%s%n",
                        extract.rowsRejected(),
                        extract.rejectsByReason(),
                        location,
                        BatchLayout.rejectsFile("extract"));
            }
            printAfresh(out, extract);
        }
        TransformSummary transform = manifest.transform();
        if (transform != null) {
            out.printf(
                    Locale.ROOT,
                    "  transform  %,d twin files, %,d relationships, %,d tombstones, %,d rows rejected in %s%n",
                    transform.twinFiles(),
                    transform.relationships(),
                    transform.tombstones(),
                    transform.rowsRejected(),
                    seconds(transform.startedAt(), transform.finishedAt()));
            if (transform.rowsRejected() > 0) {
                out.printf(
                        "             rejected rows by reason: %s; each is listed with its key and reason in %s/%s%n",
                        transform.rejectsByReason(), location, BatchLayout.rejectsFile("transform"));
            }
        }
        WriteSummary write = manifest.write();
        if (write != null) {
            out.printf("  twins          %s%n", counts(write.twins()));
            out.printf("  relationships  %s%n", counts(write.relationships()));
            out.printf(
                    Locale.ROOT,
                    "  requests   %,d sent, %,d retried, %,d throttled, in %s%n",
                    write.requests(),
                    write.retried(),
                    write.throttled(),
                    seconds(write.startedAt(), write.finishedAt()));
            if (write.twins().skipped() > 0) {
                out.printf(
                        Locale.ROOT,
                        "             %,d twins skipped: a newer batch applied them since, and a replay does not roll"
                                + " them back (NewerStateApplied in %s/%s)%n",
                        write.twins().skipped(),
                        location,
                        BatchLayout.RESULTS);
            }
            if (write.twins().failed() + write.relationships().failed() > 0) {
                out.printf(
                        "             failures are listed with the service's error in %s/%s%n",
                        location, BatchLayout.RESULTS);
            }
        }
        if (writeSkipped && !dryRun) {
            out.printf(
                    "  write      skipped (--no-write); 'twinsync import-file' writes the batch for an import job%n");
        }
    }

    /** Which entities' earlier state was set aside, and why: the run says when it reads more than last time. */
    private static void printAfresh(PrintWriter out, ExtractSummary extract) {
        java.util.Map<String, String> afresh = extract.startedAfresh();
        if (afresh.isEmpty()) {
            return;
        }
        if (afresh.size() == extract.rowsByEntity().size()
                && afresh.values().stream().distinct().count() == 1) {
            out.printf(
                    "             every entity read whole: %s%n",
                    afresh.values().iterator().next());
            return;
        }
        afresh.forEach(
                (entity, why) -> out.printf("             %s read whole, its state started afresh: %s%n", entity, why));
    }

    /** OK, DRIFT, PARTIAL or FAILED, as the run's last line says. */
    BatchResult result() {
        return BatchResult.of(manifest, writeSkipped, driftLeft);
    }

    private static String counts(OutcomeCounts c) {
        String counts = String.format(
                Locale.ROOT,
                "%,d created, %,d patched, %,d unchanged, %,d deleted, %,d failed",
                c.created(),
                c.patched(),
                c.unchanged(),
                c.deleted(),
                c.failed());
        return c.skipped() == 0 ? counts : counts + String.format(Locale.ROOT, ", %,d skipped", c.skipped());
    }

    private static String seconds(Instant from, Instant to) {
        if (from == null || to == null) {
            return "?";
        }
        return String.format(Locale.ROOT, "%.1f s", Duration.between(from, to).toMillis() / 1000.0);
    }
}
