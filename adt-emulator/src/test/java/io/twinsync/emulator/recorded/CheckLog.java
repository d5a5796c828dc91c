package io.twinsync.emulator.recorded;

import java.util.ArrayList;
import java.util.List;

/** Counts the checks of one replay and keeps what failed. */
final class CheckLog {

    private final List<Mismatch> mismatches = new ArrayList<>();
    private int checks;
    private int failed;

    /** Counts one check; keeps the mismatch when it failed. */
    void check(boolean matches, Mismatch ifNot) {
        checkAll(matches ? List.of() : List.of(ifNot));
    }

    /** Counts one check that holds when nothing was found; a JSON body can differ in several places at once. */
    void checkAll(List<Mismatch> found) {
        checks++;
        if (!found.isEmpty()) {
            failed++;
            mismatches.addAll(found);
        }
    }

    int checks() {
        return checks;
    }

    int matching() {
        return checks - failed;
    }

    List<Mismatch> mismatches() {
        return List.copyOf(mismatches);
    }
}
