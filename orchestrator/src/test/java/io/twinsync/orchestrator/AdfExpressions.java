package io.twinsync.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tiny evaluator of the Data Factory expressions deploy/adf uses, and only those: {@code @pipeline().parameters.X},
 * {@code @item()...}, {@code @activity('Y').output...}, {@code @linkedService().X}, {@code @dataset().X}, property
 * access with {@code .} (a missing property is an error, as in Data Factory) and {@code ?.} (null), string
 * interpolation {@code @{...}}, {@code @@} escapes, and the functions {@code equals}, {@code not}, {@code or},
 * {@code and}, {@code if}, {@code concat}, {@code string}. Anything else is refused, so a new form in the pipeline
 * fails the test until the evaluator knows it.
 */
final class AdfExpressions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What the expressions of one activity see. */
    record Scope(JsonNode parameters, JsonNode item, Map<String, JsonNode> activityOutputs, String runId) {

        Scope withItem(JsonNode newItem) {
            return new Scope(parameters, newItem, activityOutputs, runId);
        }
    }

    private AdfExpressions() {}

    /**
     * A property value as Data Factory resolves it: {@code {"value": ..., "type": "Expression"}} and strings starting
     * with {@code @} are evaluated, objects and arrays resolved member by member, other values kept.
     */
    static JsonNode resolve(JsonNode value, Scope scope) {
        if (value.isObject() && "Expression".equals(value.path("type").asText()) && value.has("value")) {
            return evaluateString(value.path("value").asText(), scope);
        }
        if (value.isObject()) {
            ObjectNode resolved = NODES.objectNode();
            value.fields().forEachRemaining(field -> resolved.set(field.getKey(), resolve(field.getValue(), scope)));
            return resolved;
        }
        if (value.isArray()) {
            ArrayNode resolved = NODES.arrayNode();
            value.forEach(element -> resolved.add(resolve(element, scope)));
            return resolved;
        }
        if (value.isTextual()) {
            return evaluateString(value.asText(), scope);
        }
        return value;
    }

    /** A string property: a whole expression ({@code @...}), an interpolated string, or a literal. */
    static JsonNode evaluateString(String text, Scope scope) {
        if (text.startsWith("@@")) {
            return NODES.textNode(text.substring(1));
        }
        if (text.startsWith("@") && !text.startsWith("@{")) {
            return new Parser(text.substring(1), scope).parseWhole();
        }
        if (!text.contains("@{")) {
            return NODES.textNode(text);
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int start = text.indexOf("@{", at);
            if (start < 0) {
                out.append(text, at, text.length());
                return NODES.textNode(out.toString());
            }
            out.append(text, at, start);
            int end = closingBrace(text, start + 2);
            JsonNode value = new Parser(text.substring(start + 2, end), scope).parseWhole();
            out.append(asString(value));
            at = end + 1;
        }
    }

    /** The expressions in a string property, as text, for the static checks: {@code @x} or each {@code @{x}}. */
    static List<String> expressionsIn(String text) {
        List<String> found = new ArrayList<>();
        if (text.startsWith("@@")) {
            return found;
        }
        if (text.startsWith("@") && !text.startsWith("@{")) {
            found.add(text.substring(1));
            return found;
        }
        int at = 0;
        for (int start = text.indexOf("@{", at); start >= 0; start = text.indexOf("@{", at)) {
            int end = closingBrace(text, start + 2);
            found.add(text.substring(start + 2, end));
            at = end + 1;
        }
        return found;
    }

    private static int closingBrace(String text, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unclosed @{ in " + text);
    }

    static String asString(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static final class Parser {

        private final String text;
        private final Scope scope;
        private int at;

        Parser(String text, Scope scope) {
            this.text = text;
            this.scope = scope;
        }

        JsonNode parseWhole() {
            JsonNode value = expression();
            skipSpaces();
            if (at != text.length()) {
                throw error("unexpected '" + text.substring(at) + "'");
            }
            return value;
        }

        private JsonNode expression() {
            skipSpaces();
            JsonNode value = primary();
            while (true) {
                if (text.startsWith("?.", at)) {
                    at += 2;
                    String name = identifier();
                    value = value == null || value.isNull() || !value.has(name) ? NODES.nullNode() : value.get(name);
                } else if (text.startsWith(".", at)) {
                    at += 1;
                    String name = identifier();
                    if (value == null || !value.isObject() || !value.has(name)) {
                        throw error("no property '" + name + "' in " + value);
                    }
                    value = value.get(name);
                } else {
                    return value;
                }
            }
        }

        private JsonNode primary() {
            char c = text.charAt(at);
            if (c == '\'') {
                StringBuilder literal = new StringBuilder();
                at++;
                while (true) {
                    if (at >= text.length()) {
                        throw error("unclosed string");
                    }
                    char d = text.charAt(at++);
                    if (d == '\'') {
                        if (at < text.length() && text.charAt(at) == '\'') {
                            literal.append('\'');
                            at++;
                        } else {
                            return NODES.textNode(literal.toString());
                        }
                    } else {
                        literal.append(d);
                    }
                }
            }
            if (Character.isDigit(c) || c == '-') {
                int start = at++;
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
                return NODES.numberNode(Long.parseLong(text.substring(start, at)));
            }
            String name = identifier();
            if (name.equals("true") || name.equals("false")) {
                return NODES.booleanNode(Boolean.parseBoolean(name));
            }
            if (name.equals("null")) {
                return NODES.nullNode();
            }
            expect('(');
            List<JsonNode> args = new ArrayList<>();
            skipSpaces();
            if (text.charAt(at) != ')') {
                args.add(expression());
                skipSpaces();
                while (text.charAt(at) == ',') {
                    at++;
                    args.add(expression());
                    skipSpaces();
                }
            }
            expect(')');
            return call(name, args);
        }

        private JsonNode call(String name, List<JsonNode> args) {
            return switch (name) {
                case "pipeline" ->
                    NODES.objectNode().put("RunId", scope.runId()).set("parameters", scope.parameters());
                case "item" -> {
                    if (scope.item() == null) {
                        throw error("item() outside a ForEach");
                    }
                    yield scope.item();
                }
                case "activity" -> {
                    JsonNode output = scope.activityOutputs().get(args.get(0).asText());
                    if (output == null) {
                        throw error("activity('" + args.get(0).asText() + "') has not run");
                    }
                    yield NODES.objectNode().set("output", output);
                }
                case "linkedService", "dataset" -> scope.parameters();
                case "equals" -> NODES.booleanNode(same(args.get(0), args.get(1)));
                case "not" -> NODES.booleanNode(!args.get(0).asBoolean());
                case "or" -> NODES.booleanNode(args.stream().anyMatch(JsonNode::asBoolean));
                case "and" -> NODES.booleanNode(args.stream().allMatch(JsonNode::asBoolean));
                case "if" -> args.get(0).asBoolean() ? args.get(1) : args.get(2);
                case "concat" ->
                    NODES.textNode(
                            args.stream().map(AdfExpressions::asString).collect(java.util.stream.Collectors.joining()));
                case "string" -> NODES.textNode(asString(args.get(0)));
                default -> throw error("function " + name + "() is not known to this evaluator");
            };
        }

        private static boolean same(JsonNode a, JsonNode b) {
            if (a.isNumber() && b.isNumber()) {
                return a.decimalValue().compareTo(b.decimalValue()) == 0;
            }
            return a.equals(b);
        }

        private String identifier() {
            skipSpaces();
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw error("a name expected");
            }
            return text.substring(start, at);
        }

        private void expect(char c) {
            skipSpaces();
            if (at >= text.length() || text.charAt(at) != c) {
                throw error("'" + c + "' expected");
            }
            at++;
        }

        private void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("Expression '" + text + "' at " + at + ": " + what);
        }
    }
}
