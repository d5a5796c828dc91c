package io.twinsync.emulator.query;

import io.twinsync.emulator.query.Operand.PropertyPath;
import io.twinsync.emulator.query.Query.Collection;
import io.twinsync.emulator.query.Query.Join;
import io.twinsync.emulator.query.Query.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Recursive-descent parser for the statement: {@code SELECT ... FROM ... [JOIN ...] [WHERE ...]}. Conditions are
 * parsed by {@link ConditionParser}. Anything outside the subset is refused with a message naming it.
 */
final class QueryParser {

    /** ADT's limit on the query text. */
    static final int MAX_QUERY_CHARACTERS = 8_000;

    private final TokenCursor cursor;

    private QueryParser(List<Token> tokens) {
        this.cursor = new TokenCursor(tokens);
    }

    static Query parse(String text) {
        if (text.length() > MAX_QUERY_CHARACTERS) {
            throw QueryErrors.invalid(
                    "the query is " + text.length() + " characters long; ADT accepts at most " + MAX_QUERY_CHARACTERS);
        }
        return new QueryParser(QueryLexer.tokenize(text)).query(text);
    }

    private Query query(String text) {
        refuseEmptyQuery();
        cursor.expectKeyword("SELECT");
        Selection selection = selection();
        cursor.expectKeyword("FROM");
        Source source = source();
        List<Join> joins = new ArrayList<>();
        while (cursor.atKeyword("JOIN")) {
            joins.add(join());
        }
        refuseClause();
        Optional<Condition> where = Optional.empty();
        if (cursor.acceptKeyword("WHERE")) {
            where = Optional.of(new ConditionParser(cursor).condition());
        }
        refuseClause();
        if (!cursor.atEnd()) {
            throw QueryErrors.syntax(
                    cursor.peek(),
                    where.isPresent() ? "AND, OR or the end of the query" : "JOIN, WHERE or the end of the query");
        }
        return new Query(text, selection, source, joins, where);
    }

    private void refuseEmptyQuery() {
        if (cursor.atEnd()) {
            throw QueryErrors.syntax(cursor.peek(), "SELECT; the query is empty");
        }
    }

    private Selection selection() {
        OptionalInt top = OptionalInt.empty();
        if (cursor.atKeyword("TOP")) {
            top = OptionalInt.of(top());
        }
        if (cursor.atKeyword("COUNT")) {
            Token count = cursor.next();
            if (top.isPresent()) {
                throw QueryErrors.unsupported(count, "TOP together with COUNT()");
            }
            cursor.expectSymbol("(", "after COUNT");
            cursor.expectSymbol(")", "after COUNT( (ADT's COUNT() takes no argument)");
            return new Selection.Count();
        }
        if (cursor.acceptSymbol("*") || (top.isPresent() && cursor.atKeyword("FROM"))) {
            return new Selection.All(top);
        }
        for (String word : List.of("DISTINCT", "VALUE")) {
            if (cursor.atKeyword(word)) {
                throw QueryErrors.unsupported(cursor.peek(), "SELECT " + word);
            }
        }
        return new Selection.Columns(columns(), top);
    }

    private int top() {
        Token keyword = cursor.next();
        cursor.expectSymbol("(", "after TOP");
        Token count = cursor.peek();
        if (count.kind() != Token.Kind.NUMBER
                || !count.text().matches("[0-9]{1,9}")
                || Integer.parseInt(count.text()) < 1) {
            throw QueryErrors.syntax(
                    count, "a positive whole number of items in TOP(...) at position " + (keyword.position() + 1));
        }
        cursor.next();
        cursor.expectSymbol(")", "to close TOP(");
        return Integer.parseInt(count.text());
    }

    private List<PropertyPath> columns() {
        List<PropertyPath> columns = new ArrayList<>();
        do {
            if (cursor.atKeyword("COUNT") || cursor.atKeyword("TOP") || cursor.atSymbol("*")) {
                throw QueryErrors.unsupported(cursor.peek(), cursor.peek().upper() + " mixed with other columns");
            }
            if (functionCallAhead()) {
                throw QueryErrors.unsupported(
                        cursor.peek(),
                        "the function " + cursor.peek().upper()
                                + " in SELECT (only collections and properties can be selected)");
            }
            columns.add(cursor.path("a collection or property to select"));
            if (cursor.atKeyword("AS")) {
                throw QueryErrors.unsupported(cursor.peek(), "AS aliases in SELECT (ADT documents none)");
            }
        } while (cursor.acceptSymbol(","));
        return columns;
    }

    private boolean functionCallAhead() {
        return cursor.peek().kind() == Token.Kind.IDENTIFIER && cursor.peek(1).isSymbol("(");
    }

    private Source source() {
        Token collection = cursor.peek();
        Collection kind;
        if (collection.isKeyword("DIGITALTWINS")) {
            kind = Collection.DIGITALTWINS;
        } else if (collection.isKeyword("RELATIONSHIPS")) {
            kind = Collection.RELATIONSHIPS;
        } else if (collection.isSymbol("(")) {
            throw QueryErrors.unsupported(collection, "subqueries in FROM (ADT does not support them either)");
        } else {
            throw QueryErrors.syntax(collection, "DIGITALTWINS or RELATIONSHIPS after FROM");
        }
        cursor.next();
        if (cursor.atKeyword("AS")) {
            throw QueryErrors.unsupported(
                    cursor.peek(), "AS before a collection name (write FROM " + kind + " T, without AS)");
        }
        if (cursor.atKeyword("MATCH") && cursor.peek(1).isSymbol("(")) {
            throw QueryErrors.unsupported(cursor.peek(), "MATCH (use JOIN ... RELATED)");
        }
        Optional<String> alias = Optional.empty();
        if (cursor.atName()) {
            alias = Optional.of(cursor.expectName("a collection name"));
        }
        if (cursor.atKeyword("MATCH")) {
            throw QueryErrors.unsupported(cursor.peek(), "MATCH (use JOIN ... RELATED)");
        }
        return new Source(kind, alias);
    }

    private Join join() {
        Token keyword = cursor.next();
        String target = cursor.expectName("the name of the related twins after JOIN");
        cursor.expectKeyword("RELATED");
        String source = cursor.expectName("<collection>.<relationship name> after RELATED");
        cursor.expectSymbol(".", "between the collection and the relationship name after RELATED");
        String relationship = cursor.expectName("a relationship name after '" + source + ".'");
        if (cursor.atSymbol(".")) {
            throw QueryErrors.syntax(cursor.peek(), "JOIN ... RELATED <collection>.<relationship name> [alias]");
        }
        Optional<String> alias = Optional.empty();
        if (cursor.atName()) {
            alias = Optional.of(cursor.expectName("a relationship collection name"));
        }
        return new Join(target, source, relationship, alias, keyword.position());
    }

    /** Names the clauses ADT has (or SQL users try) that the emulator does not evaluate. */
    private void refuseClause() {
        Token token = cursor.peek();
        for (String clause : List.of("ORDER", "GROUP", "HAVING", "LIMIT", "OFFSET", "UNION", "MATCH")) {
            if (token.isKeyword(clause)) {
                String name = clause.equals("ORDER") || clause.equals("GROUP") ? clause + " BY" : clause;
                throw QueryErrors.unsupported(token, name);
            }
        }
    }
}
