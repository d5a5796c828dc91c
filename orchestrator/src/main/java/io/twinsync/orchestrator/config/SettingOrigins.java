package io.twinsync.orchestrator.config;

import java.io.IOException;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.Resource;

/** Where a setting was given, in the user's words: a file with line and column, a variable, a system property. */
final class SettingOrigins {

    private SettingOrigins() {}

    /** Such as {@code /work/twinsync.yaml, line 3, column 18}; empty when unknown. */
    static String describe(Origin origin) {
        if (origin instanceof TextResourceOrigin text) {
            String where = file(text.getResource());
            TextResourceOrigin.Location location = text.getLocation();
            return location == null
                    ? where
                    : where + ", line " + (location.getLine() + 1) + ", column " + (location.getColumn() + 1);
        }
        if (origin instanceof SystemEnvironmentOrigin variable) {
            return "environment variable " + variable.getProperty();
        }
        if (origin instanceof PropertySourceOrigin property) {
            if (property.getOrigin() != null) {
                return describe(property.getOrigin());
            }
            return describe(property.getPropertySource().getName(), property.getPropertyName());
        }
        return origin == null ? "" : origin.toString();
    }

    /** The origin of {@code key} in the property source called {@code source}, when nothing more is known. */
    static String describe(String source, String key) {
        if (StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source)) {
            return "environment variable " + key;
        }
        if (StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(source)) {
            return "system property -D" + key;
        }
        return source;
    }

    /** The file's absolute path, or the resource's description when it is not a file. */
    static String file(Resource resource) {
        if (resource == null) {
            return "a settings file";
        }
        try {
            if (resource.isFile()) {
                return resource.getFile().getAbsolutePath();
            }
        } catch (IOException e) {
            // Not a file after all: its description says where it is.
        }
        return resource.getDescription();
    }
}
