package io.twinsync.emulator.query;

import io.twinsync.emulator.query.Operand.PropertyPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Walks the token list for the parsers; knows the reserved words, which only {@code [[escaped]]} names may use. */
final class TokenCursor {

    /** ADT's reserved keywords (query language reference), plus the structural words of the subset. */
    private static final Set<String> RESERVED = Set.of(
            "ALL",
            "AND",
            "AS",
            "ASC",
            "AVG",
            "BY",
            "COUNT",
            "DESC",
            "DEVICES_JOBS",
            "DEVICES_MODULES",
            "DEVICES",
            "ENDS_WITH",
            "FALSE",
            "FROM",
            "GROUP",
            "IN",
            "IS_BOOL",
            "IS_DEFINED",
            "IS_NULL",
            "IS_NUMBER",
            "IS_OBJECT",
            "IS_PRIMITIVE",
            "IS_STRING",
            "MAX",
            "MIN",
            "NOT",
            "NOT_IN",
            "NULL",
            "OR",
            "ORDER",
            "SELECT",
            "STARTS_WITH",
            "SUM",
            "TOP",
            "TRUE",
            "WHERE",
            "IS_OF_MODEL",
            "JOIN",
            "RELATED",
            "DIGITALTWINS",
            "RELATIONSHIPS",
            "NIN");

    private final List<Token> tokens;
    private int index;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.END) {
            index++;
        }
        return token;
    }

    boolean atKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    boolean acceptKeyword(String keyword) {
        if (atKeyword(keyword)) {
            index++;
            return true;
        }
        return false;
    }

    Token expectKeyword(String keyword) {
        if (!atKeyword(keyword)) {
            throw QueryErrors.syntax(peek(), keyword);
        }
        return next();
    }

    boolean atSymbol(String symbol) {
        return peek().isSymbol(symbol);
    }

    boolean acceptSymbol(String symbol) {
        if (atSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    Token expectSymbol(String symbol, String context) {
        if (!atSymbol(symbol)) {
            throw QueryErrors.syntax(peek(), "'" + symbol + "' " + context);
        }
        return next();
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.END;
    }

    /** True when the next token can be a name: an escaped name or an identifier that is not reserved. */
    boolean atName() {
        Token token = peek();
        return token.kind() == Token.Kind.ESCAPED_IDENTIFIER
                || (token.kind() == Token.Kind.IDENTIFIER && !isReserved(token));
    }

    /** Reads a name (collection, property or relationship), refusing reserved words that are not escaped. */
    String expectName(String what) {
        Token token = peek();
        if (token.kind() == Token.Kind.IDENTIFIER && isReserved(token)) {
            throw QueryErrors.syntax(
                    token,
                    what + "; '" + token.text() + "' is a reserved keyword, escape it as [[" + token.text()
                            + "]] to use it as a name");
        }
        if (!token.isName()) {
            throw QueryErrors.syntax(token, what);
        }
        return next().text();
    }

    /** Reads a dotted path: {@code name ('.' name)*}. */
    PropertyPath path(String what) {
        int position = peek().position();
        List<String> segments = new ArrayList<>();
        segments.add(expectName(what));
        while (acceptSymbol(".")) {
            segments.add(expectName("a property name after '.'"));
        }
        return new PropertyPath(segments, position);
    }

    static boolean isReserved(Token token) {
        return RESERVED.contains(token.text().toUpperCase(Locale.ROOT));
    }
}
