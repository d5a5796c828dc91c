package io.twinsync.transform.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found in a mapping, so that one run reports them all instead of one per attempt. Not
 * thread-safe; one instance per check.
 */
public final class MappingProblems {

    private final List<MappingProblem> problems = new ArrayList<>();

    /** Records a problem of the mapping itself; it should say where (entity, key) and what to do. */
    public void add(String problem) {
        problems.add(new MappingProblem(MappingProblem.Kind.INVALID_MAPPING, null, null, null, problem));
    }

    /** Records a problem with what it concerns. */
    public void add(MappingProblem problem) {
        problems.add(problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The problems' messages, in the order found. */
    public List<String> list() {
        return problems.stream().map(MappingProblem::message).toList();
    }

    /** The problems, in the order found. */
    public List<MappingProblem> problems() {
        return List.copyOf(problems);
    }

    /** Throws a {@link MappingException} listing every problem, if there is any. */
    public void throwIfAny(String source) {
        if (!problems.isEmpty()) {
            throw new MappingException(source, list());
        }
    }
}
