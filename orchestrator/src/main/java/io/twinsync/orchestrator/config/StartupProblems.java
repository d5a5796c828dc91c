package io.twinsync.orchestrator.config;

import io.twinsync.extract.jdbc.JdbcUrls;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionException;

/**
 * Turns a failed start into one message for the user. A setting at fault is named with its value (secrets masked),
 * where it was given, and what it takes; a malformed settings file with its line and column.
 */
public final class StartupProblems {

    private static final int SHOWN_VALUE_LENGTH = 80;

    private StartupProblems() {}

    /** The message of the setting at fault when there is one, else the innermost message with where to look. */
    public static String describe(Throwable failure) {
        return settingProblem(failure)
                .orElseGet(() -> innermost(failure).getMessage()
                        + " (set TWINSYNC_LOG_LEVEL=DEBUG and logging.level.org.springframework=DEBUG for details)");
    }

    /**
     * The message when the failure is a setting's or a settings file's fault, which then says everything the user
     * needs: such failures are reported without a stack trace.
     */
    public static Optional<String> settingProblem(Throwable failure) {
        BindException bind = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidSettingException) {
                return Optional.of(t.getMessage());
            }
            if (t instanceof BindException b && b.getProperty() != null) {
                bind = b;
            }
        }
        return Optional.ofNullable(bind).map(StartupProblems::wrongValue);
    }

    private static String wrongValue(BindException e) {
        ConfigurationProperty property = e.getProperty();
        String name = property.getName().toString();
        String where = SettingOrigins.describe(property.getOrigin());
        String value = shown(name, property.getValue());
        String message = "Setting " + name + " is '" + value + "'" + (where.isEmpty() ? "" : " (" + where + ")");
        if (isConversion(e)) {
            return message + "; it takes " + expected(e.getTarget().getType()) + ". Give it such a value, or remove it"
                    + " to use the default";
        }
        return message + "; " + innermost(e).getMessage();
    }

    private static boolean isConversion(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConversionException) {
                return true;
            }
        }
        return false;
    }

    /** What a setting of this type takes, in words. */
    static String expected(ResolvableType type) {
        Class<?> raw = type.resolve(Object.class);
        if (raw == int.class || raw == Integer.class) {
            return "a whole number (at most " + Integer.MAX_VALUE + ")";
        }
        if (raw == long.class || raw == Long.class) {
            return "a whole number";
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return "a number, such as 100 or 2.5";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (Path.class.isAssignableFrom(raw)) {
            return "a file or folder path";
        }
        if (Map.class.isAssignableFrom(raw)) {
            return "keys with values below it";
        }
        if (raw.isEnum()) {
            return "one of " + Arrays.toString(raw.getEnumConstants()).toLowerCase(Locale.ROOT);
        }
        return "a " + raw.getSimpleName();
    }

    /** The value as it may be shown: never a password, a JDBC URL without its credentials, no SAS, not too long. */
    static String shown(String name, Object value) {
        if (value == null) {
            return "";
        }
        if (name.toLowerCase(Locale.ROOT).contains("password")) {
            return "****";
        }
        String text = JdbcUrls.redact(value.toString());
        if (text.contains("?") && text.toLowerCase(Locale.ROOT).contains("sig=")) {
            text = text.substring(0, text.indexOf('?')) + "?****";
        }
        return text.length() > SHOWN_VALUE_LENGTH ? text.substring(0, SHOWN_VALUE_LENGTH) + "..." : text;
    }

    private static Throwable innermost(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            innermost = t;
        }
        return innermost;
    }
}
