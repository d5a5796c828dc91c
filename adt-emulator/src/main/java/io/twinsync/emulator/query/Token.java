package io.twinsync.emulator.query;

import java.util.Locale;

/**
 * One lexical token of a query.
 *
 * @param text the identifier, the decoded string, the number as written, or the symbol
 * @param position 0-based character offset in the query, for error messages
 */
record Token(Kind kind, String text, int position) {

    enum Kind {
        /** A name or keyword; {@code $dtId} included. */
        IDENTIFIER,
        /** A name escaped as {@code [[name]]}: never a keyword. */
        ESCAPED_IDENTIFIER,
        STRING,
        NUMBER,
        SYMBOL,
        END
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isName() {
        return kind == Kind.IDENTIFIER || kind == Kind.ESCAPED_IDENTIFIER;
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case END -> "the end of the query";
            case STRING -> "the string '" + text + "'";
            case ESCAPED_IDENTIFIER -> "'[[" + text + "]]'";
            default -> "'" + text + "'";
        };
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
