package io.twinsync.emulator.model;

import java.util.regex.Pattern;

/** The identifier rules of DTDL: DTMIs for models and schemas, and names for contents and fields. */
public final class DtdlNames {

    private static final String SEGMENT = "[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?";

    /** {@code dtmi:<path>;<version>}; DTDL v3 also allows a minor version ({@code ;1.2}). */
    private static final Pattern DTMI =
            Pattern.compile("dtmi:" + SEGMENT + "(?::" + SEGMENT + ")*(?:;[1-9][0-9]{0,8}(?:\\.[0-9]{1,6})?)?");

    private static final Pattern NAME = Pattern.compile(SEGMENT);

    private DtdlNames() {}

    public static boolean isDtmi(String text) {
        return text != null && text.length() <= 2048 && DTMI.matcher(text).matches();
    }

    public static boolean isName(String text) {
        return text != null && text.length() <= 512 && NAME.matcher(text).matches();
    }
}
