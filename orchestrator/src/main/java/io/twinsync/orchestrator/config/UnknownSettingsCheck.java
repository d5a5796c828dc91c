package io.twinsync.orchestrator.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Refuses at start-up every name under {@code twinsync.} that is not a setting, wherever it was given: in
 * {@code twinsync.yaml} (or another config file), as a {@code TWINSYNC_*} environment variable or as a system
 * property. Spring binds the names it knows and ignores the rest, so a typo such as {@code writer.concurency} would
 * run on the default. Registered in {@code META-INF/spring.factories}; runs once the config files are loaded.
 *
 * <p>A name counts as a setting when Spring would bind it to one, relaxed forms included ({@code maxRetries},
 * {@code max_retries}, {@code TWINSYNC_WRITER_MAX_RETRIES}); the variables in {@link NonSettingVariables} are left
 * alone. Values are never shown: a mistyped name may hold a password or a SAS.
 */
public class UnknownSettingsCheck implements EnvironmentPostProcessor, Ordered {

    private static final String VARIABLE_PREFIX = "TWINSYNC_";

    private final SettingNames names = SettingNames.twinsync();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        check(environment.getPropertySources());
    }

    /** After Spring's own post-processors, the config files among them. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * @throws UnknownSettingsException naming every name that is not a setting
     */
    void check(Iterable<PropertySource<?>> sources) {
        List<String> problems = new ArrayList<>();
        for (PropertySource<?> source : sources) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)
                    || ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
                continue;
            }
            boolean variables = source instanceof SystemEnvironmentPropertySource;
            for (String key : enumerable.getPropertyNames()) {
                String problem = variables ? checkVariable(key, source) : checkProperty(key, source);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new UnknownSettingsException(problems);
        }
    }

    private String checkProperty(String key, PropertySource<?> source) {
        if (!key.toLowerCase(Locale.ROOT).startsWith(names.prefix().toString())) {
            return null; // cheap test first: most properties are Spring's or the JVM's
        }
        ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
        if (!names.isUnderPrefix(name)) {
            return null;
        }
        String where = where(key, source);
        return switch (names.kindOf(name)) {
            case SETTING, MAP_KEY -> null;
            case GROUP ->
                isEmpty(source.getProperty(key))
                        ? null
                        : "Setting " + key + " (" + where + ") is a group of settings, not a setting; set the settings"
                                + " below it, such as " + names.firstBelow(name) + ".";
            case UNKNOWN -> "Unknown setting " + key + " (" + where + "); did you mean " + names.nearest(key) + "?";
        };
    }

    private String checkVariable(String variable, PropertySource<?> source) {
        if (!variable.toUpperCase(Locale.ROOT).startsWith(VARIABLE_PREFIX) || NonSettingVariables.contains(variable)) {
            return null;
        }
        // Spring's own mapping of this one variable to names, legacy forms included (MAX_RETRIES for max-retries).
        IterableConfigurationPropertySource alone = (IterableConfigurationPropertySource)
                ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                        source.getName(), Map.of(variable, String.valueOf(source.getProperty(variable)))));
        for (ConfigurationPropertyName setting : names.settings()) {
            if (alone.getConfigurationProperty(setting) != null) {
                return null;
            }
        }
        for (ConfigurationPropertyName name : alone.stream().toList()) {
            SettingNames.Kind kind = names.kindOf(name);
            if (kind == SettingNames.Kind.MAP_KEY
                    || (kind == SettingNames.Kind.GROUP && isEmpty(source.getProperty(variable)))) {
                return null;
            }
            if (kind == SettingNames.Kind.GROUP) {
                return "Environment variable " + variable + " is a group of settings (" + name + "), not a setting;"
                        + " set the settings below it, such as " + asVariable(names.firstBelow(name)) + ".";
            }
        }
        return "Unknown environment variable " + variable + "; did you mean " + nearestVariable(variable) + "?";
    }

    /** The nearest setting as a variable, with its name as a setting, or the nearest variable that is not one. */
    private String nearestVariable(String variable) {
        Map<String, String> candidates = new LinkedHashMap<>();
        for (ConfigurationPropertyName setting : names.settings()) {
            candidates.put(asVariable(setting.toString()), asVariable(setting.toString()) + " (" + setting + ")");
        }
        NonSettingVariables.names().forEach(name -> candidates.put(name, name));
        return candidates.get(SettingNames.nearest(variable, candidates.keySet()));
    }

    /** Spring's canonical variable for a setting: upper case, dots to underscores, dashes removed. */
    static String asVariable(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
    }

    private static String where(String key, PropertySource<?> source) {
        String origin = SettingOrigins.describe(OriginLookup.getOrigin(source, key));
        return origin.isEmpty() ? SettingOrigins.describe(source.getName(), key) : origin;
    }

    private static boolean isEmpty(Object value) {
        return value == null || value.toString().isBlank();
    }
}
