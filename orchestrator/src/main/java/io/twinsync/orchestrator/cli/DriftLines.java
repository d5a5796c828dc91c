package io.twinsync.orchestrator.cli;

import io.twinsync.writer.drift.DriftReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** How {@code run} and {@code drift} print a drift check: the counts, then a few ids of each kind. */
final class DriftLines {

    private static final int SHOWN = 10;

    private DriftLines() {}

    /** @param listedIn where every drifted twin is listed, or null when nowhere */
    static void print(PrintWriter out, DriftReport report, String listedIn) {
        out.printf(
                Locale.ROOT,
                "  drift      %,d twins of %d models checked against what twinsync last wrote, in %,d queries (%,.0f"
                        + " query units): %s%n",
                report.twinsInGraph(),
                report.models().size(),
                report.queryPages(),
                report.queryUnits(),
                report.clean()
                        ? "none"
                        : String.format(
                                Locale.ROOT,
                                "%,d changed, %,d removed, %,d reappeared, %,d not written by twinsync",
                                report.changed().size(),
                                report.removed().size(),
                                report.reappeared().size(),
                                report.unknown().size()));
        ids(out, "changed", report.changed());
        ids(out, "removed", report.removed());
        ids(out, "reappeared", report.reappeared());
        ids(out, "not written by twinsync", report.unknown());
        if (!report.clean() && listedIn != null) {
            out.printf("             every drifted twin is listed in %s%n", listedIn);
        }
    }

    private static void ids(PrintWriter out, String what, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        String shown = String.join(", ", ids.subList(0, Math.min(SHOWN, ids.size())));
        out.printf(
                Locale.ROOT,
                "             %s: %s%s%n",
                what,
                shown,
                ids.size() > SHOWN ? String.format(Locale.ROOT, " and %,d more", ids.size() - SHOWN) : "");
    }
}
