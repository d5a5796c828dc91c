package io.twinsync.extract.jdbc;

/** Keeps the source password and URL credentials out of messages built from driver and pool errors. */
final class Secrets {

    // Shorter passwords would match ordinary words in a message; they are not searched for.
    private static final int MIN_SCRUBBED_LENGTH = 3;

    private Secrets() {}

    /** The text with the raw URL replaced by its redacted form and the password masked. */
    static String scrub(String text, JdbcSourceSettings settings) {
        if (text == null) {
            return null;
        }
        String safe = text.replace(settings.url(), settings.redactedUrl());
        String password = settings.password();
        if (password != null && password.length() >= MIN_SCRUBBED_LENGTH) {
            safe = safe.replace(password, JdbcUrls.MASK);
        }
        return safe;
    }

    /** Whether any message in the cause chain would reveal a credential. */
    static boolean leaks(Throwable error, JdbcSourceSettings settings) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.equals(scrub(message, settings))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
