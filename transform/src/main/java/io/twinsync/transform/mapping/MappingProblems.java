package io.twinsync.transform.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found in a mapping, so that one run reports them all instead of one per attempt. Not
 * thread-safe; one instance per check.
 */
public final class MappingProblems {

    private final List<String> problems = new ArrayList<>();

    /** Records a problem; it should say where (entity, key) and what to do. */
    public void add(String problem) {
        problems.add(problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<String> list() {
        return List.copyOf(problems);
    }

    /** Throws a {@link MappingException} listing every problem, if there is any. */
    public void throwIfAny(String source) {
        if (!problems.isEmpty()) {
            throw new MappingException(source, problems);
        }
    }
}
