package io.twinsync.staging.twin;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Pointers (RFC 6901) of twin files' {@code removals} and {@code wholeValues}: {@code /nameplate/serialNumber},
 * {@code /a~1b} for the key "a/b". Transform writes them and the writer reads them (and addresses its JSON Patch
 * operations the same way), so the escaping is defined once, here.
 */
public final class TwinPointers {

    private TwinPointers() {}

    /** The pointer to the value at these keys, each escaped ({@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
    public static String of(List<String> segments) {
        StringBuilder pointer = new StringBuilder();
        for (String segment : segments) {
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /**
     * The unescaped keys of a pointer. One without a leading {@code /} is a top-level property name, as twin files
     * written before removals were pointers hold.
     */
    public static List<String> segments(String pointer) {
        if (!pointer.startsWith("/")) {
            return List.of(pointer);
        }
        List<String> segments = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            segments.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }
}
