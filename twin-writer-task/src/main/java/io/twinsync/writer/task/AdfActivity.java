package io.twinsync.writer.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.staging.manifest.WriteSummary;
import io.twinsync.writer.Partition;
import io.twinsync.writer.WritePhase;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The task as an Azure Data Factory Custom Activity on Azure Batch: Data Factory puts {@value #ACTIVITY}
 * ({@code typeProperties.extendedProperties} holds the task's settings), {@value #LINKED_SERVICES} and
 * {@value #DATASETS} in the task's working directory, and reads {@value #OUTPUTS} back as the activity's
 * {@code customOutput}.
 *
 * <p>Settings ({@code extendedProperties}, values as JSON strings or numbers): {@code batch} (required: the batch's
 * Blob Storage URL, {@code https://{account}.blob.core.windows.net/{container}/{path}/batches/{id}}, or its folder on
 * the node, relative to the working directory), {@code endpoint} (required),
 * {@code partition} ({@code i/n}), {@code phase} ({@code all}, {@code twins} or {@code relationships}), {@code rateShare}, {@code concurrency}, {@code limits} (an object, class to
 * requests per second), {@code fullCompare} (also accepted under its former name {@code ignoreKnownState}),
 * {@code throttleBudget} and {@code unreachableAfter} (durations such as {@code 10m} and {@code 60s}),
 * {@code trustCertificate} (emulator only), {@code targetKey} (the name of the target's known state, when not the
 * endpoint's host: the orchestrator's embedded emulator). Unknown keys are refused,
 * so a typo is not silently ignored. Values are never logged: Data Factory hands SecureString values over in clear.
 */
final class AdfActivity {

    static final String ACTIVITY = "activity.json";
    static final String LINKED_SERVICES = "linkedServices.json";
    static final String DATASETS = "datasets.json";
    static final String OUTPUTS = "outputs.json";

    private static final Set<String> KEYS = Set.of(
            "batch",
            "endpoint",
            "partition",
            "phase",
            "rateShare",
            "concurrency",
            "limits",
            "fullCompare",
            "ignoreKnownState",
            "throttleBudget",
            "unreachableAfter",
            "trustCertificate",
            "targetKey");

    /** The task's settings from {@code extendedProperties}, and the names of the objects Data Factory passed. */
    record Settings(
            String activityName,
            String batch,
            URI endpoint,
            Partition partition,
            WritePhase phase,
            String rateShare,
            Integer concurrency,
            Map<String, Double> limits,
            boolean fullCompare,
            Path trustCertificate,
            String targetKey,
            Duration throttleBudget,
            Duration unreachableAfter,
            List<String> linkedServices,
            List<String> datasets) {}

    private AdfActivity() {}

    /**
     * Reads the activity's files from {@code dir}.
     *
     * @throws IllegalArgumentException naming the file and the setting when something is missing or wrong
     */
    static Settings read(Path dir) {
        JsonNode activity = json(dir.resolve(ACTIVITY), true);
        JsonNode extended = activity.path("typeProperties").path("extendedProperties");
        if (!extended.isObject()) {
            throw new IllegalArgumentException(dir.resolve(ACTIVITY) + " has no typeProperties.extendedProperties;"
                    + " set the task's settings there (batch, endpoint, and optionally partition, rateShare, ...)");
        }
        List<String> unknown = new ArrayList<>();
        extended.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                unknown.add(key);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("extendedProperties in " + ACTIVITY + " has unknown settings " + unknown
                    + "; the task knows " + KEYS.stream().sorted().toList());
        }
        String batch = required(extended, "batch");
        String partition = text(extended, "partition", "1/1");
        String certificate = text(extended, "trustCertificate", null);
        return new Settings(
                activity.path("name").asText(""),
                batch,
                endpoint(required(extended, "endpoint")),
                Partition.parse(partition),
                PhaseConverter.parse(text(extended, "phase", "all")),
                text(extended, "rateShare", "1"),
                extended.has("concurrency") ? integer(extended, "concurrency") : null,
                limits(extended.path("limits")),
                bool(extended, "fullCompare") || bool(extended, "ignoreKnownState"),
                certificate == null ? null : dir.resolve(certificate),
                text(extended, "targetKey", null),
                duration(extended, "throttleBudget"),
                duration(extended, "unreachableAfter"),
                names(json(dir.resolve(LINKED_SERVICES), false), LINKED_SERVICES),
                names(json(dir.resolve(DATASETS), false), DATASETS));
    }

    /** Writes {@value #OUTPUTS}: the exit code and, when the task ran, its counts. Replaces the file atomically. */
    static void writeOutputs(Path dir, int exitCode, WriteSummary summary, String batchId, String results, String error)
            throws IOException {
        ObjectNode out = StagingJson.mapper().createObjectNode();
        out.put("exitCode", exitCode);
        if (batchId != null) {
            out.put("batch", batchId);
        }
        if (summary != null) {
            out.set("twins", counts(summary.twins()));
            out.set("relationships", counts(summary.relationships()));
            out.put("requests", summary.requests());
            out.put("retried", summary.retried());
            out.put("throttled", summary.throttled());
            out.put("results", results);
        }
        if (error != null) {
            out.put("error", error);
        }
        Path temp = dir.resolve(OUTPUTS + ".partial");
        StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), out);
        Files.move(temp, dir.resolve(OUTPUTS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static ObjectNode counts(OutcomeCounts counts) {
        return StagingJson.mapper()
                .createObjectNode()
                .put("created", counts.created())
                .put("patched", counts.patched())
                .put("unchanged", counts.unchanged())
                .put("deleted", counts.deleted())
                .put("failed", counts.failed());
    }

    private static JsonNode json(Path file, boolean required) {
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new IllegalArgumentException("No " + file.getFileName() + " in " + file.getParent()
                        + "; --adf reads the files Data Factory puts in a Custom Activity's working directory."
                        + " Run it there, or pass --adf <dir>");
            }
            return StagingJson.mapper().createArrayNode();
        }
        try {
            return StagingJson.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static List<String> names(JsonNode objects, String file) {
        if (!objects.isArray()) {
            throw new IllegalArgumentException(file + " is not a JSON array of Data Factory objects");
        }
        List<String> names = new ArrayList<>();
        objects.forEach(o -> names.add(o.path("name").asText("(unnamed)")));
        return names;
    }

    private static String required(JsonNode extended, String key) {
        String value = text(extended, key, null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("extendedProperties in " + ACTIVITY + " lacks '" + key + "'"
                    + ("batch".equals(key)
                            ? ": the batch, {staging}/batches/{batchId}, as a Blob Storage URL or a folder on the node"
                            : ": the ADT instance, https://{name}.api.{region}.digitaltwins.azure.net"));
        }
        return value;
    }

    private static String text(JsonNode extended, String key, String fallback) {
        JsonNode value = extended.get(key);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static boolean bool(JsonNode extended, String key) {
        String value = text(extended, key, "false").strip();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(
                "extendedProperties '" + key + "' in " + ACTIVITY + " is '" + value + "'; use true or false");
    }

    private static int integer(JsonNode extended, String key) {
        String value = text(extended, key, "");
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "extendedProperties '" + key + "' in " + ACTIVITY + " is not a whole number", e);
        }
    }

    /** The duration under {@code key}, or null when it is not set. */
    private static Duration duration(JsonNode extended, String key) {
        String value = text(extended, key, null);
        if (value == null) {
            return null;
        }
        try {
            return DurationConverter.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "extendedProperties '" + key + "' in " + ACTIVITY + ": " + e.getMessage(), e);
        }
    }

    private static URI endpoint(String text) {
        try {
            return URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("extendedProperties 'endpoint' in " + ACTIVITY + " is not a URL", e);
        }
    }

    private static Map<String, Double> limits(JsonNode limits) {
        Map<String, Double> result = new LinkedHashMap<>();
        if (limits.isMissingNode() || limits.isNull()) {
            return result;
        }
        if (!limits.isObject()) {
            throw new IllegalArgumentException(
                    "extendedProperties 'limits' in " + ACTIVITY + " must be an object such as {\"patches\": 2000}");
        }
        limits.fields().forEachRemaining(e -> {
            try {
                result.put(e.getKey(), Double.parseDouble(e.getValue().asText()));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(
                        "extendedProperties limits." + e.getKey() + " in " + ACTIVITY + " is not a number", ex);
            }
        });
        return result;
    }
}
