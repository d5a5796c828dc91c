package io.twinsync.orchestrator.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts problems by stage and code, keeping the first few examples and the files that list them. */
final class ErrorTally {

    static final int EXAMPLES = 3;

    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    private static final class Tally {
        final String stage;
        final String code;
        long count;
        final List<BatchReport.Example> examples = new ArrayList<>();
        final Set<String> files = new LinkedHashSet<>();

        Tally(String stage, String code) {
            this.stage = stage;
            this.code = code;
        }
    }

    void add(String stage, String code, String id, String message, String file) {
        Tally tally = tallies.computeIfAbsent(stage + "\u0000" + code, k -> new Tally(stage, code));
        tally.count++;
        if (tally.examples.size() < EXAMPLES) {
            tally.examples.add(new BatchReport.Example(id, message));
        }
        tally.files.add(file);
    }

    /** The {@code limit} most frequent, most frequent first; ties by stage and code. */
    List<BatchReport.TopError> top(int limit) {
        return tallies.values().stream()
                .sorted(Comparator.comparingLong((Tally t) -> t.count)
                        .reversed()
                        .thenComparing(t -> t.stage)
                        .thenComparing(t -> t.code))
                .limit(limit)
                .map(t -> new BatchReport.TopError(
                        t.stage, t.code, t.count, List.copyOf(t.examples), List.copyOf(t.files)))
                .toList();
    }
}
