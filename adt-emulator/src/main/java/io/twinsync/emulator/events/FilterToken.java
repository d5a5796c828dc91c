package io.twinsync.emulator.events;

import java.util.Locale;

/**
 * One token of a route filter.
 *
 * @param text the name, the decoded string, the number as written, or the symbol
 * @param position 0-based character offset in the filter
 */
record FilterToken(Kind kind, String text, int position) {

    enum Kind {
        /** An attribute, {@code $body} path, keyword or function name; dots included ({@code $body.$metadata.$model}). */
        NAME,
        STRING,
        NUMBER,
        SYMBOL,
        END
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.NAME && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
