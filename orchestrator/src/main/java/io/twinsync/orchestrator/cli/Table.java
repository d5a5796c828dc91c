package io.twinsync.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON objects as a plain-text table: a column per top-level field (in the order they first appear), text and
 * numbers as they are, objects and arrays as compact JSON, cells wider than a limit cut with {@code ...}.
 */
final class Table {

    private final List<String> columns;
    private final List<List<String>> rows;
    private final int[] widths;

    private Table(List<String> columns, List<List<String>> rows) {
        this.columns = columns;
        this.rows = rows;
        this.widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
    }

    static Table of(List<JsonNode> objects, int cellWidth) {
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode object : objects) {
            object.fieldNames().forEachRemaining(columns::add);
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode object : objects) {
            List<String> row = new ArrayList<>();
            for (String column : columns) {
                row.add(cut(cell(object.get(column)), cellWidth));
            }
            rows.add(row);
        }
        return new Table(new ArrayList<>(columns), rows);
    }

    /** A table of two columns from a map, in its order. */
    static Table of(String keyColumn, String valueColumn, Map<String, ?> values) {
        List<List<String>> rows = new ArrayList<>();
        values.forEach((key, value) -> rows.add(List.of(key, String.valueOf(value))));
        return new Table(List.of(keyColumn, valueColumn), rows);
    }

    void print(PrintWriter out) {
        out.println(line(columns));
        for (List<String> row : rows) {
            out.println(line(row));
        }
    }

    private String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append("  ");
            }
            line.append(c == cells.size() - 1 ? cells.get(c) : pad(cells.get(c), widths[c]));
        }
        return line.toString().stripTrailing();
    }

    private static String cell(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
