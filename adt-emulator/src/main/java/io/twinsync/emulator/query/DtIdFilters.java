package io.twinsync.emulator.query;

import io.twinsync.emulator.query.Operand.Literal;
import io.twinsync.emulator.query.Operand.PropertyPath;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds {@code <collection>.$dtId = 'id'} and {@code <collection>.$dtId IN ['a', 'b']} among the top-level AND terms of
 * a condition: ADT requires one in JOIN queries, and they let the evaluator look at a few twins instead of all.
 */
final class DtIdFilters {

    private DtIdFilters() {}

    /** The ids a collection's {@code $dtId} is pinned to, if some top-level term pins it. */
    static Optional<NavigableSet<String>> pinnedIds(Condition where, Scope scope, String binding) {
        NavigableSet<String> ids = null;
        for (Condition term : terms(where)) {
            Optional<List<String>> values = pinnedBy(term, scope, binding);
            if (values.isPresent()) {
                NavigableSet<String> these = new TreeSet<>(values.get());
                if (ids == null) {
                    ids = these;
                } else {
                    ids.retainAll(these);
                }
            }
        }
        return Optional.ofNullable(ids);
    }

    private static List<Condition> terms(Condition condition) {
        List<Condition> terms = new ArrayList<>();
        if (condition instanceof Condition.And and) {
            terms.addAll(terms(and.left()));
            terms.addAll(terms(and.right()));
        } else {
            terms.add(condition);
        }
        return terms;
    }

    private static Optional<List<String>> pinnedBy(Condition term, Scope scope, String binding) {
        if (term instanceof Condition.Comparison comparison && comparison.operator() == ComparisonOperator.EQ) {
            if (isDtId(comparison.left(), scope, binding) && isText(comparison.right())) {
                return Optional.of(
                        List.of(((Literal) comparison.right()).value().asText()));
            }
            if (isDtId(comparison.right(), scope, binding) && isText(comparison.left())) {
                return Optional.of(List.of(((Literal) comparison.left()).value().asText()));
            }
        }
        if (term instanceof Condition.In in
                && !in.negated()
                && isDtId(in.operand(), scope, binding)
                && in.values().stream().allMatch(DtIdFilters::isText)) {
            return Optional.of(
                    in.values().stream().map(value -> value.value().asText()).toList());
        }
        return Optional.empty();
    }

    private static boolean isDtId(Operand operand, Scope scope, String binding) {
        if (!(operand instanceof PropertyPath path)) {
            return false;
        }
        Scope.Resolved resolved = scope.resolve(path);
        return resolved.binding().equals(binding) && resolved.rest().equals(List.of("$dtId"));
    }

    private static boolean isText(Operand operand) {
        return operand instanceof Literal literal && literal.value().isTextual();
    }
}
