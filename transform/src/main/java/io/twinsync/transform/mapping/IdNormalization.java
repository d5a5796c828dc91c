package io.twinsync.transform.mapping;

import java.util.Locale;
import java.util.Objects;

/**
 * How a rendered id template is tidied before the id rules are checked ({@code ids:} at the top of the mapping, or
 * the long form of an id template). A relationship target must normalise exactly like its target entity's twin id,
 * or it points at a twin that does not exist; the mapping-wide default keeps them alike.
 *
 * @param trim whether each column value is stripped of leading and trailing whitespace (CHAR padding) first
 * @param letterCase how the whole rendered id is cased
 * @param invalid what happens to characters the id rules refuse (control characters, lone surrogates)
 * @param replacement what replaces each such character when {@code invalid} is {@link Invalid#REPLACE}
 */
public record IdNormalization(boolean trim, Case letterCase, Invalid invalid, String replacement) {

    /** Nothing changed: the id is the template's text as rendered. */
    public static final IdNormalization NONE = new IdNormalization(false, Case.KEEP, Invalid.REJECT, "_");

    /** How the rendered id is cased (Locale.ROOT, so the same on every machine). */
    public enum Case {
        KEEP,
        LOWER,
        UPPER
    }

    /** What a character the id rules refuse does to the row. */
    public enum Invalid {
        /** The row is rejected (INVALID_TWIN_ID and its kin), the default. */
        REJECT,
        /** The character is replaced, and surrounding whitespace trimmed, so the row goes through. */
        REPLACE
    }

    public IdNormalization {
        Objects.requireNonNull(letterCase, "letterCase");
        Objects.requireNonNull(invalid, "invalid");
        Objects.requireNonNull(replacement, "replacement");
    }

    /** True when the id is emitted exactly as the template renders it. */
    public boolean isNone() {
        return !trim && letterCase == Case.KEEP && invalid == Invalid.REJECT;
    }

    /** A column value's text as it goes into the id. */
    public String columnText(String text) {
        return trim ? strip(text) : text;
    }

    /** The whole rendered id as it is emitted (then checked against the id rules). */
    public String finish(String id) {
        String result =
                switch (letterCase) {
                    case KEEP -> id;
                    case LOWER -> id.toLowerCase(Locale.ROOT);
                    case UPPER -> id.toUpperCase(Locale.ROOT);
                };
        return invalid == Invalid.REPLACE ? strip(replaceInvalid(result)) : result;
    }

    private String replaceInvalid(String id) {
        StringBuilder out = null;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean pair =
                    Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1));
            boolean bad = Character.isISOControl(c) || (!pair && Character.isSurrogate(c));
            if (bad && out == null) {
                out = new StringBuilder(id.length()).append(id, 0, i);
            }
            if (out != null) {
                if (bad) {
                    out.append(replacement);
                } else {
                    out.append(c);
                    if (pair) {
                        out.append(id.charAt(i + 1));
                    }
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? id : out.toString();
    }

    /** Strips what the id rules count as whitespace: Java's, plus the no-break spaces. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
