package io.twinsync.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.dtdl.ModelSet;
import io.twinsync.emulator.query.Operand.Literal;
import io.twinsync.emulator.query.Operand.PropertyPath;
import io.twinsync.emulator.store.StoredTwin;

/** Evaluates a validated WHERE condition against one row, in three-valued logic ({@link Truth}). */
final class ConditionEvaluator {

    private final Scope scope;
    private final ModelSet catalog;

    ConditionEvaluator(Scope scope, ModelSet catalog) {
        this.scope = scope;
        this.catalog = catalog;
    }

    boolean matches(Condition condition, Row row) {
        return evaluate(condition, row) == Truth.TRUE;
    }

    Truth evaluate(Condition condition, Row row) {
        if (condition instanceof Condition.And and) {
            Truth left = evaluate(and.left(), row);
            return left == Truth.FALSE ? Truth.FALSE : left.and(evaluate(and.right(), row));
        }
        if (condition instanceof Condition.Or or) {
            Truth left = evaluate(or.left(), row);
            return left == Truth.TRUE ? Truth.TRUE : left.or(evaluate(or.right(), row));
        }
        if (condition instanceof Condition.Not not) {
            return evaluate(not.operand(), row).not();
        }
        if (condition instanceof Condition.Comparison comparison) {
            return ValueComparison.compare(
                    value(comparison.left(), row),
                    comparison.operator(),
                    value(comparison.right(), row),
                    comparison.position());
        }
        if (condition instanceof Condition.In in) {
            return in(in, row);
        }
        if (condition instanceof Condition.IsOfModel isOfModel) {
            return isOfModel(isOfModel, row);
        }
        if (condition instanceof Condition.TypeCheck typeCheck) {
            return Truth.of(typeCheck.function().test(value(typeCheck.path(), row)));
        }
        Condition.StringMatch match = (Condition.StringMatch) condition;
        JsonNode value = value(match.path(), row);
        return value != null && value.isTextual()
                ? Truth.of(match.function().test(value.asText(), match.text()))
                : Truth.UNDEFINED;
    }

    /** {@code x IN [a, b]} is {@code x = a OR x = b}; {@code NIN} is its negation. */
    private Truth in(Condition.In in, Row row) {
        JsonNode value = value(in.operand(), row);
        Truth any = Truth.FALSE;
        for (Literal candidate : in.values()) {
            any = any.or(ValueComparison.compare(value, ComparisonOperator.EQ, candidate.value(), in.position()));
            if (any == Truth.TRUE) {
                break;
            }
        }
        return in.negated() ? any.not() : any;
    }

    private Truth isOfModel(Condition.IsOfModel isOfModel, Row row) {
        String binding = isOfModel.collection().orElse(scope.root());
        StoredTwin twin = row.entity(binding).twin().orElseThrow();
        boolean matches = isOfModel.exact()
                ? twin.modelId().equals(isOfModel.modelId())
                : twin.modelId().equals(isOfModel.modelId()) || catalog.isA(twin.modelId(), isOfModel.modelId());
        return Truth.of(matches);
    }

    /** The operand's value in this row, or null when undefined. */
    JsonNode value(Operand operand, Row row) {
        if (operand instanceof Literal literal) {
            return literal.value();
        }
        Scope.Resolved resolved = scope.resolve((PropertyPath) operand);
        return row.entity(resolved.binding()).value(resolved.rest());
    }
}
