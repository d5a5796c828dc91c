package io.twinsync.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.twinsync.emulator.query.Operand.Literal;
import io.twinsync.emulator.query.Operand.PropertyPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses a WHERE condition. Precedence, loosest first: {@code OR}, {@code AND}, {@code NOT}, then comparisons,
 * {@code IN}/{@code NIN}, functions and parentheses.
 */
final class ConditionParser {

    // Query literals keep their exact decimal value; since Jackson 2.15 the plain factory no longer strips zeros.
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final TokenCursor cursor;

    ConditionParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    Condition condition() {
        Condition left = and();
        while (cursor.acceptKeyword("OR")) {
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = not();
        while (cursor.acceptKeyword("AND")) {
            left = new Condition.And(left, not());
        }
        return left;
    }

    private Condition not() {
        if (cursor.acceptKeyword("NOT")) {
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() {
        if (cursor.acceptSymbol("(")) {
            if (cursor.atKeyword("SELECT")) {
                throw QueryErrors.unsupported(cursor.peek(), "subqueries");
            }
            Condition inner = condition();
            cursor.expectSymbol(")", "to close the parenthesis");
            return inner;
        }
        Token start = cursor.peek();
        if (start.kind() == Token.Kind.IDENTIFIER && cursor.peek(1).isSymbol("(")) {
            return function();
        }
        Operand left = operand();
        if (cursor.atKeyword("IN") || cursor.atKeyword("NIN")) {
            boolean negated = cursor.next().isKeyword("NIN");
            return new Condition.In(left, list(), negated, start.position());
        }
        if (cursor.atKeyword("NOT") && cursor.peek(1).isKeyword("IN")) {
            throw QueryErrors.unsupported(cursor.peek(), "NOT IN (ADT spells it NIN)");
        }
        Token operator = cursor.peek();
        Optional<ComparisonOperator> comparison = ComparisonOperator.of(operator);
        if (comparison.isEmpty()) {
            throw QueryErrors.syntax(operator, "a comparison (= != < <= > >=), IN or NIN after " + describe(left));
        }
        cursor.next();
        return new Condition.Comparison(left, comparison.get(), operand(), start.position());
    }

    private Condition function() {
        Token name = cursor.next();
        cursor.expectSymbol("(", "after " + name.text());
        Condition call;
        if (name.isKeyword("IS_OF_MODEL")) {
            call = isOfModel(name);
        } else if (TypeFunction.named(name.text()).isPresent()) {
            call = new Condition.TypeCheck(
                    TypeFunction.named(name.text()).get(), cursor.path("a property inside " + name.upper() + "(...)"));
        } else if (StringFunction.named(name.text()).isPresent()) {
            PropertyPath path = cursor.path("a property as the first argument of " + name.upper());
            cursor.expectSymbol(",", "between the arguments of " + name.upper());
            call = new Condition.StringMatch(StringFunction.named(name.text()).get(), path, string(name));
        } else {
            throw QueryErrors.unsupported(
                    name,
                    "the function " + name.upper() + "(...) (supported: IS_OF_MODEL,"
                            + " IS_DEFINED, IS_BOOL, IS_NUMBER, IS_STRING, IS_NULL, IS_OBJECT, IS_PRIMITIVE, STARTSWITH,"
                            + " ENDSWITH, CONTAINS)");
        }
        cursor.expectSymbol(")", "to close " + name.upper() + "(...)");
        return call;
    }

    /** {@code IS_OF_MODEL('id')}, {@code IS_OF_MODEL(T, 'id')}, either followed by {@code , exact}. */
    private Condition isOfModel(Token name) {
        Optional<String> collection = Optional.empty();
        if (cursor.peek().kind() != Token.Kind.STRING) {
            collection = Optional.of(cursor.expectName("a twin collection name or a model id in IS_OF_MODEL"));
            cursor.expectSymbol(",", "after the collection name in IS_OF_MODEL");
        }
        String modelId = string(name);
        boolean exact = false;
        if (cursor.acceptSymbol(",")) {
            if (!cursor.peek().isKeyword("exact")) {
                throw QueryErrors.syntax(cursor.peek(), "exact as the last argument of IS_OF_MODEL");
            }
            cursor.next();
            exact = true;
        }
        return new Condition.IsOfModel(collection, modelId, exact, name.position());
    }

    private String string(Token function) {
        Token token = cursor.peek();
        if (token.kind() != Token.Kind.STRING) {
            throw QueryErrors.syntax(token, "a string in quotes as an argument of " + function.upper());
        }
        return cursor.next().text();
    }

    private List<Literal> list() {
        cursor.expectSymbol("[", "to open the list of values (IN ['a', 'b'])");
        List<Literal> values = new ArrayList<>();
        do {
            values.add(literal());
        } while (cursor.acceptSymbol(","));
        cursor.expectSymbol("]", "to close the list of values");
        return values;
    }

    private Operand operand() {
        Token token = cursor.peek();
        if (token.kind() == Token.Kind.STRING
                || token.kind() == Token.Kind.NUMBER
                || token.isKeyword("TRUE")
                || token.isKeyword("FALSE")
                || token.isKeyword("NULL")) {
            return literal();
        }
        if (token.isSymbol("@")) {
            throw QueryErrors.unsupported(token, "query parameters such as @name (put the value in the query text)");
        }
        return cursor.path("a property or a value");
    }

    private Literal literal() {
        Token token = cursor.peek();
        JsonNode value;
        if (token.kind() == Token.Kind.STRING) {
            value = NODES.textNode(token.text());
        } else if (token.kind() == Token.Kind.NUMBER) {
            value = number(token);
        } else if (token.isKeyword("TRUE") || token.isKeyword("FALSE")) {
            value = NODES.booleanNode(token.isKeyword("TRUE"));
        } else if (token.isKeyword("NULL")) {
            value = NODES.nullNode();
        } else {
            throw QueryErrors.syntax(token, "a value: a string in quotes, a number, true, false or null");
        }
        cursor.next();
        return new Literal(value, token.position());
    }

    private static JsonNode number(Token token) {
        BigDecimal value = new BigDecimal(token.text());
        boolean whole = !token.text().contains(".")
                && !token.text().toLowerCase(Locale.ROOT).contains("e");
        return whole ? NODES.numberNode(value.toBigInteger()) : NODES.numberNode(value);
    }

    private static String describe(Operand operand) {
        return operand instanceof PropertyPath path
                ? "'" + path.text() + "'"
                : "the value " + ((Literal) operand).value();
    }
}
