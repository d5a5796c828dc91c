package io.twinsync.extract.jdbc;

import com.zaxxer.hikari.HikariConfig;
import io.twinsync.extract.ExtractException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The one place extract errors pass before they leave the module: keeps the source password and URL credentials out
 * of messages built from driver and pool errors, and out of the causes chained to them.
 *
 * <p>It masks the source's URL and password when it knows them ({@link JdbcSourceSettings}, or a pool from {@link
 * JdbcSources#open}), and any JDBC URL in a message through {@link JdbcUrls#redact}. A cause whose message (or a
 * message further down its chain) would reveal a secret is replaced by a copy with the message scrubbed and the
 * original class name and stack trace kept, so a stack trace still shows where it failed.
 */
final class Secrets {

    // Shorter passwords would match ordinary words in a message; they are not searched for.
    private static final int MIN_SCRUBBED_LENGTH = 3;
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:[^\\s\"'<>]+");

    private final String url;
    private final String password;

    private Secrets(String url, String password) {
        this.url = url;
        this.password = password;
    }

    static Secrets of(JdbcSourceSettings settings) {
        return new Secrets(settings.url(), settings.password());
    }

    /**
     * What to hide for a data source: a HikariCP pool (as {@link JdbcSources#open} returns) knows its URL and
     * password; of any other source only JDBC URLs in messages are redacted.
     */
    static Secrets of(DataSource dataSource) {
        if (dataSource instanceof HikariConfig pool) {
            return new Secrets(pool.getJdbcUrl(), pool.getPassword());
        }
        return new Secrets(null, null);
    }

    /** The text with the source URL and any other JDBC URL redacted and the password masked. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String safe = text;
        if (url != null && !url.isEmpty()) {
            safe = safe.replace(url, JdbcUrls.redact(url));
        }
        if (password != null && password.length() >= MIN_SCRUBBED_LENGTH) {
            safe = safe.replace(password, JdbcUrls.MASK);
        }
        Matcher urls = JDBC_URL.matcher(safe);
        StringBuilder redacted = new StringBuilder();
        while (urls.find()) {
            urls.appendReplacement(redacted, Matcher.quoteReplacement(JdbcUrls.redact(urls.group())));
        }
        urls.appendTail(redacted);
        return redacted.toString();
    }

    /** An exception with the message scrubbed and a cause that reveals nothing. */
    ExtractException failure(String message, Throwable cause) {
        return new ExtractException(scrub(message), safe(cause));
    }

    /** The exception itself when nothing in it reveals a secret, else a scrubbed copy. */
    ExtractException scrubbed(ExtractException error) {
        if (!leaks(error)) {
            return error;
        }
        ExtractException copy = failure(error.getMessage(), error.getCause());
        copy.setStackTrace(error.getStackTrace());
        for (Throwable suppressed : error.getSuppressed()) {
            copy.addSuppressed(safe(suppressed));
        }
        return copy;
    }

    /** Whether any message in the exception, its causes or its suppressed exceptions would reveal a secret. */
    boolean leaks(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.equals(scrub(message))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (leaks(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Throwable safe(Throwable cause) {
        if (cause == null || !leaks(cause)) {
            return cause;
        }
        ScrubbedCause copy = new ScrubbedCause(
                cause.getClass().getName() + ": " + scrub(cause.getMessage()),
                cause.getCause() == cause ? null : safe(cause.getCause()));
        copy.setStackTrace(cause.getStackTrace());
        for (Throwable suppressed : cause.getSuppressed()) {
            copy.addSuppressed(safe(suppressed));
        }
        return copy;
    }

    /** Stands in for a cause whose message revealed a secret; its message starts with the original class name. */
    static final class ScrubbedCause extends Exception {

        private static final long serialVersionUID = 1L;

        ScrubbedCause(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
