package io.twinsync.transform.validate;

import java.nio.charset.StandardCharsets;

/** The Azure Digital Twins limits transform enforces (see ADT-FACTS section 3, Microsoft's limits page). */
public final class AdtLimits {

    /** A twin's JSON body (PUT or PATCH), and so also a relationship's: 32 KB. */
    public static final int MAX_DOCUMENT_BYTES = 32 * 1024;

    /** A string property value, in UTF-8: 4 KB. */
    public static final int MAX_STRING_BYTES = 4 * 1024;

    private AdtLimits() {}

    /** True when the text's UTF-8 form is longer than {@link #MAX_STRING_BYTES}. */
    public static boolean stringTooLong(String text) {
        // A UTF-16 char takes at most 3 UTF-8 bytes, so most strings need no encoding to be known short enough.
        return text.length() * 3L > MAX_STRING_BYTES && utf8Length(text) > MAX_STRING_BYTES;
    }

    public static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
