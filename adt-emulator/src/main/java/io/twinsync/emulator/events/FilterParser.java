package io.twinsync.emulator.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.twinsync.emulator.events.FilterToken.Kind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recursive descent over the route filter grammar (Microsoft Learn, "Create event routes and filters"):
 *
 * <pre>
 * filter     := or END
 * or         := and ("OR" and)*
 * and        := term ("AND" term)*
 * term       := "(" or ")" | FUNCTION "(" operand "," operand ")" | operand comparator operand | "true" | "false"
 * operand    := NAME | STRING | NUMBER | "true" | "false" | "null"
 * </pre>
 *
 * Keywords and function names are case-insensitive (the service accepts the lower-case {@code or} of the SDK's
 * recorded filter). A name where a comparison should follow is read as an operand first, so
 * {@code this is not a valid filter} fails at {@code is}, as the service's recorded error says.
 */
final class FilterParser {

    /** Parentheses deeper than this are refused rather than risking the stack (chosen). */
    static final int MAX_DEPTH = 64;

    /** The expression and every name it refers to. */
    record Parsed(FilterExpression expression, Set<String> references) {}

    private final List<FilterToken> tokens;
    private final Set<String> references = new TreeSet<>();
    private int index;
    private int depth;

    private FilterParser(List<FilterToken> tokens) {
        this.tokens = tokens;
    }

    static Parsed parse(String text) {
        FilterParser parser = new FilterParser(FilterLexer.tokenize(text));
        FilterExpression expression = parser.or();
        FilterToken end = parser.next();
        if (end.kind() != Kind.END) {
            throw FilterSyntaxError.unexpected(end);
        }
        return new Parsed(expression, Set.copyOf(parser.references));
    }

    private FilterExpression or() {
        FilterExpression left = and();
        while (peek(0).isKeyword("OR")) {
            next();
            left = new FilterExpression.Or(left, and());
        }
        return left;
    }

    private FilterExpression and() {
        FilterExpression left = term();
        while (peek(0).isKeyword("AND")) {
            next();
            left = new FilterExpression.And(left, term());
        }
        return left;
    }

    private FilterExpression term() {
        FilterToken first = peek(0);
        if (first.isSymbol("(")) {
            next();
            if (++depth > MAX_DEPTH) {
                throw new FilterSyntaxError(first.position(), "Parentheses nested deeper than " + MAX_DEPTH);
            }
            FilterExpression inner = or();
            expect(")");
            depth--;
            return inner;
        }
        if (first.kind() == Kind.NAME && peek(1).isSymbol("(")) {
            return call(next());
        }
        FilterOperand left = operand();
        FilterComparator comparator = FilterComparator.of(peek(0));
        if (comparator != null) {
            next();
            return new FilterExpression.Comparison(left, comparator, operand());
        }
        if (left instanceof FilterOperand.Literal literal && literal.value().isBoolean()) {
            return new FilterExpression.Constant(literal.value().booleanValue());
        }
        throw FilterSyntaxError.unexpected(peek(0));
    }

    private FilterExpression call(FilterToken name) {
        FilterFunction function = FilterFunction.named(name.text())
                .orElseThrow(() -> new FilterSyntaxError(
                        name.position(),
                        "Unknown function '" + name.text() + "'; filters offer STARTS_WITH, ENDS_WITH and CONTAINS"));
        expect("(");
        FilterOperand value = operand();
        expect(",");
        FilterOperand part = operand();
        expect(")");
        return new FilterExpression.Call(function, value, part);
    }

    private FilterOperand operand() {
        FilterToken token = next();
        return switch (token.kind()) {
            case STRING -> new FilterOperand.Literal(JsonNodeFactory.instance.textNode(token.text()));
            case NUMBER -> new FilterOperand.Literal(JsonNodeFactory.instance.numberNode(new BigDecimal(token.text())));
            case NAME -> name(token);
            default -> throw FilterSyntaxError.unexpected(token);
        };
    }

    private FilterOperand name(FilterToken token) {
        return switch (token.upper()) {
            case "TRUE" -> new FilterOperand.Literal(JsonNodeFactory.instance.booleanNode(true));
            case "FALSE" -> new FilterOperand.Literal(JsonNodeFactory.instance.booleanNode(false));
            case "NULL" -> new FilterOperand.Literal(JsonNodeFactory.instance.nullNode());
            case "AND", "OR" -> throw FilterSyntaxError.unexpected(token);
            default -> {
                references.add(token.text());
                yield new FilterOperand.Reference(token.text());
            }
        };
    }

    private void expect(String symbol) {
        FilterToken token = next();
        if (!token.isSymbol(symbol)) {
            throw FilterSyntaxError.unexpected(token);
        }
    }

    private FilterToken peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private FilterToken next() {
        FilterToken token = peek(0);
        if (index < tokens.size() - 1) {
            index++;
        }
        return token;
    }
}
