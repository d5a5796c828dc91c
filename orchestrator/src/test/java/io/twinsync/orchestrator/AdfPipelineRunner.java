package io.twinsync.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs a pipeline of deploy/adf the way Data Factory would, for what it uses: activities in {@code dependsOn} order
 * (one at a time), a ForEach's activities once per item (one item at a time), an If Condition's branch, a Fail
 * activity, a SetVariable of the pipeline's return value, and each Custom activity through {@link CustomActivities}
 * and Copy activity through {@link CopyActivities}, with their properties resolved by {@link AdfExpressions}.
 */
final class AdfPipelineRunner {

    /** Runs one Custom activity, its properties resolved; returns its {@code outputs.json}, the customOutput. */
    interface CustomActivities {
        JsonNode run(JsonNode activity, String runName) throws Exception;
    }

    /**
     * Runs one Copy activity, its source, sink, inputs and outputs resolved (the datasets' parameters as the activity
     * passes them). Data Factory's connectors are not here: a test copies as the sink would write.
     */
    interface CopyActivities {
        void run(JsonNode activity, String runName) throws Exception;
    }

    /**
     * How the run ended: {@code status} Succeeded or Failed, and what the pipeline returned or why it failed; {@code
     * runId} is the run's {@code pipeline().RunId}.
     */
    record Outcome(
            String status,
            String failedActivity,
            String message,
            String errorCode,
            ObjectNode returnValue,
            Map<String, JsonNode> outputs,
            List<String> ran,
            String runId) {}

    private static final class ActivityFailed extends Exception {
        private final String activity;
        private final String errorCode;

        ActivityFailed(String activity, String message, String errorCode, Throwable cause) {
            super(message, cause);
            this.activity = activity;
            this.errorCode = errorCode;
        }
    }

    private final CustomActivities custom;
    private final CopyActivities copies;
    private final String runId = UUID.randomUUID().toString();
    private final Map<String, JsonNode> outputs = new HashMap<>();
    private final List<String> ran = new ArrayList<>();
    private final ObjectNode returnValue = JsonNodeFactory.instance.objectNode();

    /** A runner of pipelines without Copy activities. */
    AdfPipelineRunner(CustomActivities custom) {
        this(custom, (activity, runName) -> {
            throw new IllegalStateException(runName + ": this test runs no Copy activity");
        });
    }

    AdfPipelineRunner(CustomActivities custom, CopyActivities copies) {
        this.custom = custom;
        this.copies = copies;
    }

    /** Runs {@code pipeline} with {@code given} parameters, the declared defaults filling in the rest. */
    Outcome run(JsonNode pipeline, Map<String, Object> given) {
        ObjectNode parameters = JsonNodeFactory.instance.objectNode();
        pipeline.path("properties").path("parameters").fields().forEachRemaining(declared -> {
            Object value = given.get(declared.getKey());
            if (value != null) {
                parameters.set(
                        declared.getKey(),
                        value instanceof JsonNode node
                                ? node
                                : value instanceof Number n
                                        ? JsonNodeFactory.instance.numberNode(n.longValue())
                                        : JsonNodeFactory.instance.textNode(value.toString()));
            } else if (declared.getValue().has("defaultValue")) {
                parameters.set(declared.getKey(), declared.getValue().get("defaultValue"));
            } else {
                throw new IllegalArgumentException("Pipeline parameter " + declared.getKey() + " has no value");
            }
        });
        AdfExpressions.Scope scope = new AdfExpressions.Scope(parameters, null, outputs, runId);
        try {
            runAll(pipeline.path("properties").path("activities"), scope, "");
            return new Outcome("Succeeded", null, null, null, returnValue, outputs, ran, runId);
        } catch (ActivityFailed failed) {
            return new Outcome(
                    "Failed", failed.activity, failed.getMessage(), failed.errorCode, returnValue, outputs, ran, runId);
        }
    }

    private void runAll(JsonNode activities, AdfExpressions.Scope scope, String suffix) throws ActivityFailed {
        Map<String, JsonNode> pending = new LinkedHashMap<>();
        activities.forEach(activity -> pending.put(activity.path("name").asText(), activity));
        Map<String, String> status = new HashMap<>();
        while (!pending.isEmpty()) {
            JsonNode next = pending.values().stream()
                    .filter(activity -> dependencies(activity).stream().allMatch(status::containsKey))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("dependsOn cycle among " + pending.keySet()));
            String name = next.path("name").asText();
            pending.remove(name);
            boolean due = true;
            for (JsonNode dependency : next.path("dependsOn")) {
                List<String> conditions = new ArrayList<>();
                dependency.path("dependencyConditions").forEach(c -> conditions.add(c.asText()));
                String was = status.get(dependency.path("activity").asText());
                due &= conditions.contains(was) || (conditions.contains("Completed") && !was.equals("Skipped"));
            }
            if (!due) {
                status.put(name, "Skipped");
                continue;
            }
            runOne(next, scope, suffix);
            status.put(name, "Succeeded");
        }
    }

    private static List<String> dependencies(JsonNode activity) {
        List<String> names = new ArrayList<>();
        activity.path("dependsOn").forEach(d -> names.add(d.path("activity").asText()));
        return names;
    }

    private void runOne(JsonNode activity, AdfExpressions.Scope scope, String suffix) throws ActivityFailed {
        String name = activity.path("name").asText();
        ran.add(name + suffix);
        JsonNode type = activity.path("typeProperties");
        switch (activity.path("type").asText()) {
            case "Custom" -> {
                ObjectNode resolved = activity.deepCopy();
                try {
                    resolved.set("typeProperties", AdfExpressions.resolve(type, scope));
                    resolved.set(
                            "linkedServiceName", AdfExpressions.resolve(activity.path("linkedServiceName"), scope));
                    JsonNode customOutput = custom.run(resolved, name + suffix);
                    outputs.put(name, JsonNodeFactory.instance.objectNode().set("customOutput", customOutput));
                } catch (Exception e) {
                    throw new ActivityFailed(name, e.getMessage(), "2010", e);
                }
            }
            case "Copy" -> {
                ObjectNode resolved = activity.deepCopy();
                try {
                    resolved.set("typeProperties", AdfExpressions.resolve(type, scope));
                    resolved.set("inputs", AdfExpressions.resolve(activity.path("inputs"), scope));
                    resolved.set("outputs", AdfExpressions.resolve(activity.path("outputs"), scope));
                    copies.run(resolved, name + suffix);
                } catch (Exception e) {
                    throw new ActivityFailed(name, e.getMessage(), "2200", e);
                }
            }
            case "ForEach" -> {
                JsonNode items = AdfExpressions.resolve(type.path("items"), scope);
                int i = 0;
                for (JsonNode item : items) {
                    runAll(type.path("activities"), scope.withItem(item), suffix + "[" + i++ + "]");
                }
            }
            case "IfCondition" -> {
                boolean condition =
                        AdfExpressions.resolve(type.path("expression"), scope).asBoolean();
                runAll(type.path(condition ? "ifTrueActivities" : "ifFalseActivities"), scope, suffix);
            }
            case "Fail" ->
                throw new ActivityFailed(
                        name,
                        AdfExpressions.asString(AdfExpressions.resolve(type.path("message"), scope)),
                        AdfExpressions.asString(AdfExpressions.resolve(type.path("errorCode"), scope)),
                        null);
            case "SetVariable" -> {
                if (!type.path("setSystemVariable").asBoolean()
                        || !"pipelineReturnValue"
                                .equals(type.path("variableName").asText())) {
                    throw new IllegalStateException(name + ": only the pipeline's return value is run here");
                }
                for (JsonNode entry : type.path("value")) {
                    JsonNode value = entry.path("value");
                    JsonNode resolved = "Expression".equals(value.path("type").asText())
                            ? AdfExpressions.evaluateString(
                                    value.path("content").asText(), scope)
                            : value.path("content");
                    returnValue.set(entry.path("key").asText(), resolved);
                }
            }
            default ->
                throw new IllegalStateException(
                        name + ": activity type " + activity.path("type").asText() + " is not run here");
        }
    }
}
