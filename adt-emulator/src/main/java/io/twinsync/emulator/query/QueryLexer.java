package io.twinsync.emulator.query;

import io.twinsync.emulator.query.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a query into tokens: names (with {@code $}), {@code [[escaped names]]}, strings in single or double quotes
 * (with backslash escapes), numbers (optionally negative), and symbols ({@code ( ) [ ] , . * = != < <= > >=}; any
 * other character is a one-character symbol that the parser refuses where it stands).
 */
final class QueryLexer {

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int index;

    private QueryLexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        QueryLexer lexer = new QueryLexer(text);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipWhitespace();
            if (index >= text.length()) {
                tokens.add(new Token(Kind.END, "", index));
                return;
            }
            char c = text.charAt(index);
            if (c == '[' && peek(1) == '[') {
                escapedName();
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                name();
            } else if (c == '\'' || c == '"') {
                string(c);
            } else if (Character.isDigit(c) || (c == '-' && Character.isDigit(peek(1)))) {
                number();
            } else {
                symbol(c);
            }
        }
    }

    private void skipWhitespace() {
        while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
            index++;
        }
    }

    private char peek(int ahead) {
        int at = index + ahead;
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void name() {
        int start = index;
        while (index < text.length() && isNamePart(text.charAt(index))) {
            index++;
        }
        tokens.add(new Token(Kind.IDENTIFIER, text.substring(start, index), start));
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private void escapedName() {
        int start = index;
        int end = text.indexOf("]]", index + 2);
        if (end < 0) {
            throw QueryErrors.syntax(new Token(Kind.SYMBOL, "[[", start), "']]' to close the escaped name");
        }
        String name = text.substring(index + 2, end);
        if (name.isEmpty()) {
            throw QueryErrors.syntax(new Token(Kind.SYMBOL, "[[", start), "a name between '[[' and ']]'");
        }
        tokens.add(new Token(Kind.ESCAPED_IDENTIFIER, name, start));
        index = end + 2;
    }

    private void string(char quote) {
        int start = index++;
        StringBuilder value = new StringBuilder();
        while (index < text.length()) {
            char c = text.charAt(index++);
            if (c == quote) {
                tokens.add(new Token(Kind.STRING, value.toString(), start));
                return;
            }
            value.append(c == '\\' ? escape() : c);
        }
        throw QueryErrors.syntax(
                new Token(Kind.SYMBOL, String.valueOf(quote), start), "a closing " + quote + " for the string");
    }

    private char escape() {
        if (index >= text.length()) {
            throw QueryErrors.syntax(new Token(Kind.SYMBOL, "\\", index - 1), "a character after '\\'");
        }
        char c = text.charAt(index++);
        return switch (c) {
            case '\'', '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicode();
            default ->
                throw QueryErrors.syntax(
                        new Token(Kind.SYMBOL, "\\" + c, index - 2),
                        "one of \\' \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        };
    }

    private char unicode() {
        if (index + 4 > text.length()) {
            throw QueryErrors.syntax(new Token(Kind.STRING, "\\u", index - 2), "four hex digits after \\u");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(index, index + 4), 16);
            index += 4;
            return c;
        } catch (NumberFormatException e) {
            throw QueryErrors.syntax(new Token(Kind.STRING, "\\u", index - 2), "four hex digits after \\u");
        }
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
        if (index < text.length() && isNamePart(text.charAt(index))) {
            throw QueryErrors.syntax(new Token(Kind.NUMBER, text.substring(start, index + 1), start), "a number");
        }
        tokens.add(new Token(Kind.NUMBER, text.substring(start, index), start));
    }

    private void digits() {
        while (index < text.length() && Character.isDigit(text.charAt(index))) {
            index++;
        }
    }

    private void symbol(char c) {
        int start = index;
        String two = index + 1 < text.length() ? text.substring(index, index + 2) : "";
        if (two.equals("!=") || two.equals("<=") || two.equals(">=")) {
            index += 2;
            tokens.add(new Token(Kind.SYMBOL, two, start));
            return;
        }
        // Characters outside the language become symbols too: the parser names them where they stand.
        index++;
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), start));
    }
}
