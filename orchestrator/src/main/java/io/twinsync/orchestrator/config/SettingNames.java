package io.twinsync.orchestrator.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * The names of twinsync's settings, read from the {@link TwinsyncProperties} record tree so that they cannot drift
 * from the code: a record component is a setting, named in kebab-case as Spring binds it; a component that is itself
 * a record is a group of settings; a map-valued component takes any key below it (the map's user checks the keys).
 */
final class SettingNames {

    /** What a name under the prefix is. */
    enum Kind {
        /** A setting that takes a value. */
        SETTING,
        /** A group of settings such as {@code twinsync.writer}, or the prefix itself. */
        GROUP,
        /** A key of a map-valued setting, such as {@code twinsync.writer.limits.patches}. */
        MAP_KEY,
        /** No setting has this name. */
        UNKNOWN
    }

    private final ConfigurationPropertyName prefix;
    private final List<ConfigurationPropertyName> settings = new ArrayList<>();
    private final List<ConfigurationPropertyName> groups = new ArrayList<>();
    private final List<ConfigurationPropertyName> maps = new ArrayList<>();

    private SettingNames(String prefix) {
        this.prefix = ConfigurationPropertyName.of(prefix);
    }

    /** The settings of {@link TwinsyncProperties}, under {@code twinsync}. */
    static SettingNames twinsync() {
        return of(TwinsyncProperties.class, "twinsync");
    }

    static SettingNames of(Class<? extends Record> root, String prefix) {
        SettingNames names = new SettingNames(prefix);
        names.groups.add(names.prefix);
        names.collect(root, names.prefix);
        return names;
    }

    private void collect(Class<?> record, ConfigurationPropertyName parent) {
        for (RecordComponent component : record.getRecordComponents()) {
            ConfigurationPropertyName name = parent.append(kebabCase(component.getName()));
            if (component.getType().isRecord()) {
                groups.add(name);
                collect(component.getType(), name);
            } else if (Map.class.isAssignableFrom(component.getType())) {
                maps.add(name);
            } else {
                settings.add(name);
            }
        }
    }

    /** {@code maximumPoolSize} as Spring names it in properties: {@code maximum-pool-size}. */
    static String kebabCase(String javaName) {
        StringBuilder name = new StringBuilder();
        for (char c : javaName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('-').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    ConfigurationPropertyName prefix() {
        return prefix;
    }

    /** Whether the name is the prefix or below it, that is, a name twinsync must know. */
    boolean isUnderPrefix(ConfigurationPropertyName name) {
        return prefix.equals(name) || prefix.isAncestorOf(name);
    }

    /**
     * What the name is. Spring's relaxed forms count as the same name ({@code maxRetries}, {@code max_retries} and
     * {@code max-retries} are one setting), as they do when Spring binds them.
     */
    Kind kindOf(ConfigurationPropertyName name) {
        if (settings.contains(name)) {
            return Kind.SETTING;
        }
        if (groups.contains(name)) {
            return Kind.GROUP;
        }
        if (maps.contains(name)) {
            // The map itself, as a YAML key with nothing below it gives it.
            return Kind.GROUP;
        }
        for (ConfigurationPropertyName map : maps) {
            if (map.isAncestorOf(name)) {
                return Kind.MAP_KEY;
            }
        }
        return Kind.UNKNOWN;
    }

    /** Every setting that takes a value, in declaration order; maps as {@code name.{key}}. */
    List<String> all() {
        List<String> all = new ArrayList<>();
        settings.forEach(name -> all.add(name.toString()));
        maps.forEach(name -> all.add(name + ".{key}"));
        return all;
    }

    /** The settings that take a value, as Spring names them. */
    List<ConfigurationPropertyName> settings() {
        return List.copyOf(settings);
    }

    /** The first setting below a group, to show what a group holds. */
    String firstBelow(ConfigurationPropertyName group) {
        return settings.stream()
                .filter(group::isAncestorOf)
                .findFirst()
                .map(ConfigurationPropertyName::toString)
                .orElse(group + ".{key}");
    }

    /** The map-valued settings. */
    List<ConfigurationPropertyName> maps() {
        return List.copyOf(maps);
    }

    /**
     * The known setting nearest to {@code written}, a name in properties form (dots between parts). A key below a
     * map keeps its last part: {@code twinsync.writer.limit.patches} is nearest {@code twinsync.writer.limits.patches}.
     */
    String nearest(String written) {
        String[] parts = written.split("\\.");
        List<String> candidates = new ArrayList<>();
        settings.forEach(name -> candidates.add(name.toString()));
        for (ConfigurationPropertyName map : maps) {
            int depth = map.getNumberOfElements();
            candidates.add(map.toString());
            if (parts.length > depth) {
                candidates.add(map + "." + String.join(".", List.of(parts).subList(depth, parts.length)));
            }
        }
        return nearest(written, candidates);
    }

    /** Of the candidates, the one fewest edits away from {@code written}, ignoring case, dashes and underscores. */
    static String nearest(String written, Collection<String> candidates) {
        String key = comparable(written);
        return candidates.stream()
                .min(Comparator.comparingInt((String candidate) -> editDistance(key, comparable(candidate)))
                        .thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }

    private static String comparable(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
