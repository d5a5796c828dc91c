package io.twinsync.transform.validate;

import java.util.Locale;
import java.util.Optional;

/**
 * The rules a twin id or relationship id must meet before transform emits it. ADT documents no exact id grammar
 * (ADT-FACTS has none), so the rules are our own, chosen to catch data errors early and to keep ids safe in URLs,
 * file names and queries:
 *
 * <ol>
 *   <li>1 to {@value #MAX_LENGTH} characters (our cap; change it here if the service proves stricter);
 *   <li>no control characters (Unicode category Cc: tabs, line breaks, NUL, DEL, ...);
 *   <li>no leading or trailing whitespace, no-break spaces included (usually CHAR padding or a stray space in the
 *       source);
 *   <li>not {@code .} or {@code ..}: in the URL path that addresses a twin these are dot segments, which clients
 *       and servers resolve away, so such a twin could not be read or written;
 *   <li>well-formed UTF-16 (no lone surrogates, which have no UTF-8 form).
 * </ol>
 */
public final class TwinIdRules {

    public static final int MAX_LENGTH = 1024;

    private TwinIdRules() {}

    /** What is wrong with an id, or empty when it is valid. */
    public static Optional<String> violation(String id) {
        if (id.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (id.length() > MAX_LENGTH) {
            return Optional.of("it has " + id.length() + " characters; ids have at most " + MAX_LENGTH);
        }
        if (isSpace(id.charAt(0)) || isSpace(id.charAt(id.length() - 1))) {
            return Optional.of("it starts or ends with whitespace");
        }
        if (id.equals(".") || id.equals("..")) {
            return Optional.of("'" + id + "' is a dot segment in a URL path, so the twin could not be addressed");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of(String.format(
                        Locale.ROOT, "it contains the control character U+%04X at position %d", (int) c, i + 1));
            }
            if (Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("it contains a lone surrogate at position " + (i + 1) + " (not valid Unicode)");
            }
        }
        return Optional.empty();
    }

    /** Java's whitespace plus the no-break spaces (U+00A0, U+2007, U+202F) that {@code isWhitespace} leaves out. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
