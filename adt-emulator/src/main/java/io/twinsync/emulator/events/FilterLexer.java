package io.twinsync.emulator.events;

import io.twinsync.emulator.events.FilterToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a route filter into tokens: names ({@code type}, {@code $eventType}, {@code $body.$metadata.$model},
 * keywords, functions), strings in single quotes (a backslash escapes the next character), numbers, and the symbols
 * {@code ( ) , = != < <= > >=}. Any other character is a symbol the parser refuses where it stands.
 */
final class FilterLexer {

    private final String text;
    private final List<FilterToken> tokens = new ArrayList<>();
    private int index;

    private FilterLexer(String text) {
        this.text = text;
    }

    static List<FilterToken> tokenize(String text) {
        FilterLexer lexer = new FilterLexer(text);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
                index++;
            }
            if (index >= text.length()) {
                tokens.add(new FilterToken(Kind.END, "", index));
                return;
            }
            char c = text.charAt(index);
            if (Character.isLetter(c) || c == '_' || c == '$') {
                name();
            } else if (c == '\'') {
                string();
            } else if (Character.isDigit(c) || (c == '-' && Character.isDigit(peek(1)))) {
                number();
            } else {
                symbol(c);
            }
        }
    }

    private char peek(int ahead) {
        int at = index + ahead;
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void name() {
        int start = index;
        while (index < text.length()
                && (isNamePart(text.charAt(index)) || (text.charAt(index) == '.' && isNamePart(peek(1))))) {
            index++;
        }
        tokens.add(new FilterToken(Kind.NAME, text.substring(start, index), start));
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private void string() {
        int start = index++;
        StringBuilder value = new StringBuilder();
        while (index < text.length()) {
            char c = text.charAt(index++);
            if (c == '\'') {
                tokens.add(new FilterToken(Kind.STRING, value.toString(), start));
                return;
            }
            if (c == '\\' && index < text.length()) {
                c = text.charAt(index++);
            }
            value.append(c);
        }
        throw new FilterSyntaxError(start, "Unterminated string");
    }

    private void number() {
        int start = index;
        if (text.charAt(index) == '-') {
            index++;
        }
        digits();
        if (peek(0) == '.' && Character.isDigit(peek(1))) {
            index++;
            digits();
        }
        if ((peek(0) == 'e' || peek(0) == 'E')
                && (Character.isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && Character.isDigit(peek(2))))) {
            index += 2;
            digits();
        }
        tokens.add(new FilterToken(Kind.NUMBER, text.substring(start, index), start));
    }

    private void digits() {
        while (index < text.length() && Character.isDigit(text.charAt(index))) {
            index++;
        }
    }

    private void symbol(char c) {
        String two = index + 1 < text.length() ? text.substring(index, index + 2) : "";
        if (two.equals("!=") || two.equals("<=") || two.equals(">=")) {
            tokens.add(new FilterToken(Kind.SYMBOL, two, index));
            index += 2;
            return;
        }
        tokens.add(new FilterToken(Kind.SYMBOL, String.valueOf(c), index));
        index++;
    }
}
