package io.twinsync.transform.expression;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.expression.spel.standard.SpelExpression;

/**
 * A parsed mapping expression, ready to evaluate for any number of rows: parsing happens once, when the mapping is
 * loaded (see {@link ExpressionSandbox#parse}). Thread-safe.
 */
public final class RowExpression {

    private final String text;
    private final SpelExpression expression;
    private final List<String> variables;

    RowExpression(String text, SpelExpression expression, List<String> variables) {
        this.text = text;
        this.expression = expression;
        this.variables = variables;
    }

    /** The expression as written in the mapping. */
    public String text() {
        return text;
    }

    /** The variables it reads ({@code #Name} without the {@code #}), as written, each once, in order. */
    public List<String> variables() {
        return variables;
    }

    /**
     * Evaluates the expression.
     *
     * @param values the value of each of {@link #variables()}, by name as written (null for NULL)
     * @return the result; null for a null result
     * @throws ExpressionFailedException saying why, when evaluation fails
     */
    public Object evaluate(Function<String, Object> values) {
        try {
            return expression.getValue(new RowEvaluationContext(ExpressionSandbox.CONTEXT, values));
        } catch (RuntimeException e) {
            // SpEL wraps most failures in EvaluationException; a method of a value may throw anything
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ExpressionFailedException(message, e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowExpression that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
