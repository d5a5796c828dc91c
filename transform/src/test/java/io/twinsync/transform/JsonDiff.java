package io.twinsync.transform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The differences between two JSON trees, one line per JSON path, for failure messages that say what changed. */
final class JsonDiff {

    private JsonDiff() {}

    static List<String> between(JsonNode expected, JsonNode actual) {
        List<String> lines = new ArrayList<>();
        diff("$", expected, actual, lines);
        return lines;
    }

    private static void diff(String path, JsonNode expected, JsonNode actual, List<String> lines) {
        if (expected == null || actual == null) {
            lines.add(path + ": expected " + (expected == null ? "(absent)" : expected) + ", actual "
                    + (actual == null ? "(absent)" : actual));
        } else if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.properties().stream().map(Map.Entry::getKey).forEach(names::add);
            actual.properties().stream().map(Map.Entry::getKey).forEach(names::add);
            for (String name : names) {
                diff(path + "." + name, expected.get(name), actual.get(name), lines);
            }
        } else if (expected.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                diff(path + "[" + i + "]", expected.get(i), actual.get(i), lines);
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                lines.add(path + ": expected " + expected + ", actual " + actual);
            }
        } else if (!expected.equals(actual)) {
            lines.add(path + ": expected " + expected + ", actual " + actual);
        }
    }
}
