package io.twinsync.emulator.recorded;

import java.util.List;
import java.util.stream.Collectors;

/** What one replayed recording found: how many checks ran, how many matched, and the mismatches. */
record ReplayResult(String recording, int checks, int matching, List<Mismatch> mismatches) {

    /** A readable list of the mismatches, one per line. */
    String report() {
        return recording + ": " + matching + " of " + checks + " checks match\n"
                + mismatches.stream().map(m -> "  " + m).collect(Collectors.joining("\n"));
    }
}
