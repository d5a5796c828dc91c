package io.twinsync.emulator.query;

import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A validated query, ready to run.
 *
 * @param rootIds when the WHERE clause pins the FROM twins' {@code $dtId} (with {@code =} or {@code IN} at its top
 *     level), the only ids that can match; the evaluator still checks the whole condition
 */
record QueryPlan(Query query, Scope scope, Optional<NavigableSet<String>> rootIds) {

    OptionalInt top() {
        if (query.selection() instanceof Selection.All all) {
            return all.top();
        }
        if (query.selection() instanceof Selection.Columns columns) {
            return columns.top();
        }
        return OptionalInt.empty();
    }

    boolean isCount() {
        return query.selection() instanceof Selection.Count;
    }
}
