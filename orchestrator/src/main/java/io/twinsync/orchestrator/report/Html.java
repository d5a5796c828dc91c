package io.twinsync.orchestrator.report;

import java.util.Locale;

/** Small helpers to write HTML and SVG by hand: escaping, numbers as the report shows them. */
final class Html {

    private Html() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A count with thousands separators, such as {@code 12,345}. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A decimal with one digit, such as {@code 3.5}; a dash when unknown. */
    static String decimal(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%,.1f", value);
    }

    /** A table cell showing a count, marked with its metric name. */
    static String countCell(String metric, long value) {
        return "<td class=\"n\" data-metric=\"" + escape(metric) + "\">" + count(value) + "</td>";
    }

    /** A table cell showing a decimal, marked with its metric name (unmarked when unknown). */
    static String decimalCell(String metric, Double value) {
        return value == null
                ? "<td class=\"n\">–</td>"
                : "<td class=\"n\" data-metric=\"" + escape(metric) + "\">" + decimal(value) + "</td>";
    }
}
