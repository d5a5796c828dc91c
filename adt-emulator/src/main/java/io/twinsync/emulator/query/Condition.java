package io.twinsync.emulator.query;

import io.twinsync.emulator.query.Operand.Literal;
import io.twinsync.emulator.query.Operand.PropertyPath;
import java.util.List;
import java.util.Optional;

/** A WHERE condition: the supported operators and functions. */
sealed interface Condition {

    record And(Condition left, Condition right) implements Condition {}

    record Or(Condition left, Condition right) implements Condition {}

    record Not(Condition operand) implements Condition {}

    /** {@code left <op> right} with {@code = != < <= > >=}. */
    record Comparison(Operand left, ComparisonOperator operator, Operand right, int position) implements Condition {}

    /** {@code operand IN [values]} or, negated, {@code operand NIN [values]}. */
    record In(Operand operand, List<Literal> values, boolean negated, int position) implements Condition {
        public In {
            values = List.copyOf(values);
        }
    }

    /** {@code IS_OF_MODEL([collection,] 'dtmi:...;1' [, exact])}. */
    record IsOfModel(Optional<String> collection, String modelId, boolean exact, int position) implements Condition {}

    /** {@code IS_DEFINED(path)}, {@code IS_STRING(path)}, ... */
    record TypeCheck(TypeFunction function, PropertyPath path) implements Condition {}

    /** {@code STARTSWITH(path, 'text')}, {@code ENDSWITH(...)}, {@code CONTAINS(...)}. */
    record StringMatch(StringFunction function, PropertyPath path, String text) implements Condition {}
}
