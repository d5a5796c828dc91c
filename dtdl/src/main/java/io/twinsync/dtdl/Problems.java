package io.twinsync.dtdl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects problems in the order found, each once (the same fault met on two paths is reported once). */
final class Problems {

    private final Set<DtdlProblem> found = new LinkedHashSet<>();

    void add(DtdlProblem problem) {
        found.add(problem);
    }

    void add(Node.Location at, String message) {
        found.add(at.problem(message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int size() {
        return found.size();
    }

    List<DtdlProblem> list() {
        return new ArrayList<>(found);
    }
}
