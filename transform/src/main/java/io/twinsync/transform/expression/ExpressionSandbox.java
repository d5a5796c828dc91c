package io.twinsync.transform.expression;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.ast.Assign;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.ConstructorReference;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.OpDec;
import org.springframework.expression.spel.ast.OpInc;
import org.springframework.expression.spel.ast.TypeReference;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Parses mapping expressions and holds the one evaluation context they all run in. An expression is mapping text,
 * not code we wrote, so it gets only what a value needs: the row's columns as variables, operators, and the public
 * instance methods of the values (such as {@code trim()}, {@code substring(0, 3)}, {@code toUpperCase()}). Refused,
 * first when the mapping is loaded and again by the context when evaluating: type references ({@code T(...)}, which
 * reach static methods such as {@code Runtime.getRuntime()}), constructors ({@code new ...}), bean references
 * ({@code @name}), assignments and functions, and any method of {@link Object} or {@link Class} (so no
 * {@code getClass()} and no reflection from there).
 */
public final class ExpressionSandbox {

    /**
     * Read-only data binding: no assignment, no type locator, no constructors, no bean resolver; instance methods
     * through {@code DataBindingMethodResolver}, which refuses methods declared by Object and Class targets.
     */
    static final SimpleEvaluationContext CONTEXT = SimpleEvaluationContext.forReadOnlyDataBinding()
            .withInstanceMethods()
            .build();

    /**
     * Interpreted, not compiled: compiled code would skip the resolvers above on later calls. Set explicitly, since the
     * default follows the system property {@code spring.expression.compiler.mode}.
     */
    private static final SpelExpressionParser PARSER =
            new SpelExpressionParser(new SpelParserConfiguration(SpelCompilerMode.OFF, null));

    private ExpressionSandbox() {}

    /**
     * Parses an expression and checks it uses nothing the sandbox refuses.
     *
     * @throws IllegalArgumentException saying what is wrong and at which position (1-based)
     */
    public static RowExpression parse(String text) {
        SpelExpression expression;
        try {
            expression = PARSER.parseRaw(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException("expression \"" + text + "\" does not parse at position "
                    + (Math.max(e.getPosition(), 0) + 1) + ": " + e.getSimpleMessage()
                    + "; columns are variables such as #AssetTag (see transform/README.md, Expressions)");
        }
        List<String> refused = new ArrayList<>();
        Set<String> variables = new LinkedHashSet<>();
        walk(expression.getAST(), refused, variables);
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("expression \"" + text + "\" uses " + String.join(", ", refused)
                    + ", which the expression sandbox does not allow; use the columns (#Column), operators and"
                    + " the values' own methods only");
        }
        return new RowExpression(text, expression, List.copyOf(variables));
    }

    private static void walk(SpelNode node, List<String> refused, Set<String> variables) {
        String at = " at position " + (node.getStartPosition() + 1);
        if (node instanceof TypeReference) {
            refused.add("a type reference " + node.toStringAST() + at);
        } else if (node instanceof ConstructorReference) {
            refused.add("a constructor call" + at);
        } else if (node instanceof BeanReference) {
            refused.add("a bean reference " + node.toStringAST() + at);
        } else if (node instanceof Assign || node instanceof OpInc || node instanceof OpDec) {
            refused.add("an assignment" + at);
        } else if (node instanceof FunctionReference) {
            refused.add("a function call " + node.toStringAST() + at);
        } else if (node instanceof VariableReference) {
            String name = node.toStringAST().substring(1);
            if (!name.equals("this") && !name.equals("root")) {
                variables.add(name);
            }
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            walk(node.getChild(i), refused, variables);
        }
    }
}
