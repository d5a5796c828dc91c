package io.twinsync.extract.jdbc;

import java.util.ArrayList;
import java.util.List;

/** Every text an exception shows in a log or stack trace: each message and {@code toString} down its causes. */
final class Revealed {

    private Revealed() {}

    static List<String> texts(Throwable error) {
        List<String> texts = new ArrayList<>();
        collect(error, texts);
        return texts;
    }

    private static void collect(Throwable error, List<String> texts) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
            for (Throwable suppressed : t.getSuppressed()) {
                collect(suppressed, texts);
            }
        }
    }
}
