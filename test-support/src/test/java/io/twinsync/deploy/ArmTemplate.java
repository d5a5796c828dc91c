package io.twinsync.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading ARM template expressions ({@code "[...]"}) well enough to check what they name. */
final class ArmTemplate {

    private static final Pattern RESOURCE_ID = Pattern.compile("resourceId\\('([^']+)', ");

    private ArmTemplate() {}

    /** Every string in {@code node}, recursively (property values and array items, not property names). */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, out));
            if (node.isObject()) {
                node.fieldNames().forEachRemaining(name -> {
                    if (name.startsWith("[")) {
                        out.add(name);
                    }
                });
            }
        }
    }

    /** Each {@code resourceId('type', a, b)} in an expression as "type|a|b" (arguments as written). */
    static List<String> resourceIds(String expression) {
        List<String> out = new ArrayList<>();
        Matcher m = RESOURCE_ID.matcher(expression);
        while (m.find()) {
            int start = m.end();
            int end = closingParenthesis(expression, m.start() + "resourceId".length());
            List<String> args = splitArguments(expression.substring(start, end));
            out.add(m.group(1) + "|" + String.join("|", args));
        }
        return out;
    }

    /** A resource's identity as "type|a|b", from its {@code name} (a plain name, or {@code format('{0}/{1}', a, b)}). */
    static String identity(JsonNode resource) {
        String type = resource.path("type").asText();
        String name = resource.path("name").asText();
        if (!name.startsWith("[")) {
            return type + "|'" + name.replace("/", "'|'") + "'";
        }
        String inner = name.substring(1, name.length() - 1);
        if (inner.startsWith("format('{0}")) {
            List<String> args = splitArguments(inner.substring("format(".length(), inner.length() - 1));
            return type + "|" + String.join("|", args.subList(1, args.size()));
        }
        return type + "|" + inner;
    }

    /** Index of the parenthesis closing the one at {@code open}; quotes ('' escapes) are skipped. */
    static int closingParenthesis(String s, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses in " + s);
    }

    /** Splits a function's arguments at the commas outside quotes, parentheses and brackets. */
    static List<String> splitArguments(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(s.substring(from, i).strip());
                from = i + 1;
            }
        }
        out.add(s.substring(from).strip());
        return out;
    }
}
