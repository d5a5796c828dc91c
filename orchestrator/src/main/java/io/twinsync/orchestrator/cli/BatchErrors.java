package io.twinsync.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.json.StagingJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A batch's most frequent problems: rows set aside (by reject code) and twins or relationships the service refused
 * (by its error code), each with how many, one example and the file that lists them all. Read by streaming the
 * batch's {@code rejects/} and {@code results/} files, whatever their size.
 */
final class BatchErrors {

    private static final int SHOWN = 5;

    private final Map<String, Problem> rejects = new LinkedHashMap<>();
    private final Map<String, Problem> failures = new LinkedHashMap<>();

    /** One kind of problem: how many, and the first seen. */
    private static final class Problem {
        long count;
        String example;
        String file;
    }

    private BatchErrors() {}

    static BatchErrors of(Batch batch) {
        BatchErrors errors = new BatchErrors();
        ObjectMapper json = StagingJson.mapper();
        for (String path : batch.list(BatchLayout.REJECTS)) {
            errors.read(batch, path, json, line -> {
                String code = line.path("code").asText("?");
                String example = line.path("entity").asText("") + " " + line.path("rowKey") + ": "
                        + line.path("reason").asText("");
                errors.count(errors.rejects, code, example, path);
            });
        }
        for (String path : batch.list(BatchLayout.RESULTS)) {
            if (!path.endsWith(".ndjson")) {
                continue;
            }
            errors.read(batch, path, json, line -> {
                if ("failed".equalsIgnoreCase(line.path("action").asText())) {
                    String example = line.path("kind").asText("").toLowerCase(Locale.ROOT) + " "
                            + line.path("id").asText("") + ": "
                            + line.path("message").asText("");
                    errors.count(errors.failures, line.path("errorCode").asText("?"), example, path);
                }
            });
        }
        return errors;
    }

    void print(PrintWriter out, String location) {
        print(out, location, "rejected rows", rejects);
        print(out, location, "failed items", failures);
    }

    /** The same, for {@code --output json}: {@code {"rejectedRows": [...], "failedItems": [...]}}. */
    ObjectNode toJson(String location) {
        ObjectNode json = StagingJson.mapper().createObjectNode();
        json.set("rejectedRows", toJson(location, rejects));
        json.set("failedItems", toJson(location, failures));
        return json;
    }

    private static ArrayNode toJson(String location, Map<String, Problem> problems) {
        ArrayNode list = StagingJson.mapper().createArrayNode();
        top(problems).forEach(e -> list.addObject()
                .put("code", e.getKey())
                .put("count", e.getValue().count)
                .put("example", e.getValue().example)
                .put("listedIn", location + "/" + e.getValue().file));
        return list;
    }

    private static java.util.stream.Stream<Map.Entry<String, Problem>> top(Map<String, Problem> problems) {
        return problems.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Problem> e) -> e.getValue().count)
                        .reversed())
                .limit(SHOWN);
    }

    private static void print(PrintWriter out, String location, String what, Map<String, Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        out.printf("  top %s%n", what);
        top(problems)
                .forEach(e -> out.printf(
                        Locale.ROOT,
                        "    %-28s %,8d  e.g. %s%n      all listed in %s/%s%n",
                        e.getKey(),
                        e.getValue().count,
                        shorten(e.getValue().example),
                        location,
                        e.getValue().file));
    }

    private void count(Map<String, Problem> problems, String code, String example, String file) {
        Problem problem = problems.computeIfAbsent(code, c -> new Problem());
        if (problem.count++ == 0) {
            problem.example = example;
            problem.file = file;
        }
    }

    private void read(Batch batch, String path, ObjectMapper json, Consumer<JsonNode> each) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(batch.open(path), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    each.accept(json.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read " + path + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }
}
