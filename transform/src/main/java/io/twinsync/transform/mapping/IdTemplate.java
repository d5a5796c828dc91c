package io.twinsync.transform.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A template such as {@code asset-{AssetTag}}: literal text with column names in braces. {@code {{} and {@code }}}
 * stand for literal braces. Column names match staged columns ignoring case.
 *
 * @param text the template as written
 * @param parts the literal and column parts, in order
 * @param normalization how a rendered id is tidied ({@link IdNormalization#NONE} for property templates)
 */
public record IdTemplate(String text, List<Part> parts, IdNormalization normalization) {

    /** A part of a template. */
    public sealed interface Part {}

    /** Literal text. */
    public record Literal(String text) implements Part {}

    /** The value of a column. */
    public record ColumnRef(String column) implements Part {}

    public IdTemplate {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(normalization, "normalization");
        parts = List.copyOf(parts);
    }

    /** A template that renders as written. */
    public IdTemplate(String text, List<Part> parts) {
        this(text, parts, IdNormalization.NONE);
    }

    /** The same template with another normalisation. */
    public IdTemplate normalized(IdNormalization newNormalization) {
        return new IdTemplate(text, parts, newNormalization);
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException saying what is wrong and where, when a brace is unbalanced or a name empty
     */
    public static IdTemplate parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '}') {
                throw new IllegalArgumentException("'}' at position " + (i + 1) + " of \"" + text
                        + "\" closes nothing; write '}}' for a literal brace");
            } else if (c == '{') {
                int end = text.indexOf('}', i + 1);
                int nested = text.indexOf('{', i + 1);
                if (end < 0 || (nested >= 0 && nested < end)) {
                    throw new IllegalArgumentException("'{' at position " + (i + 1) + " of \"" + text
                            + "\" is not closed; write {Column} for a column or '{{' for a literal brace");
                }
                String column = text.substring(i + 1, end).trim();
                if (column.isEmpty()) {
                    throw new IllegalArgumentException(
                            "\"" + text + "\" has an empty {} at position " + (i + 1) + "; put a column name in it");
                }
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new ColumnRef(column));
                i = end + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new IdTemplate(text, parts);
    }

    /** The columns the template uses, in order of appearance (repeats included). */
    public List<String> columns() {
        return parts.stream()
                .filter(ColumnRef.class::isInstance)
                .map(p -> ((ColumnRef) p).column())
                .toList();
    }

    @Override
    public String toString() {
        return text;
    }
}
