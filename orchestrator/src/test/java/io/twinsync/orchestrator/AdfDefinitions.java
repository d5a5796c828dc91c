package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Data Factory definitions under {@code deploy/adf}, as Data Factory's Git integration lays them out: one JSON file
 * per object, {@code {"name", "properties"}}, in {@code pipeline/}, {@code linkedService/} and {@code dataset/}.
 */
record AdfDefinitions(
        List<Path> files,
        Map<String, JsonNode> pipelines,
        Map<String, JsonNode> linkedServices,
        Map<String, JsonNode> datasets) {

    /** The folder, from the orchestrator module where the tests run. */
    static final Path FOLDER = Path.of("..", "deploy", "adf");

    /** The factory credential every linked service signs in with; deploy/azure creates it. */
    static final String FACTORY_CREDENTIAL = "TwinsyncFactoryIdentity";

    static AdfDefinitions load() {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(FOLDER)) {
            files = walk.filter(path -> path.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, JsonNode> pipelines = new TreeMap<>();
        Map<String, JsonNode> linkedServices = new TreeMap<>();
        Map<String, JsonNode> datasets = new TreeMap<>();
        ObjectMapper mapper = new ObjectMapper();
        for (Path file : files) {
            JsonNode definition;
            try {
                definition = mapper.readTree(file.toFile());
            } catch (IOException e) {
                throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
            }
            String name = definition.path("name").asText();
            assertThat(file.getFileName().toString())
                    .as(file + ": the file is named for the object")
                    .isEqualTo(name + ".json");
            assertThat(definition.path("properties").isObject())
                    .as(file + " has properties")
                    .isTrue();
            String kind = file.getParent().getFileName().toString();
            Map<String, JsonNode> into =
                    switch (kind) {
                        case "pipeline" -> pipelines;
                        case "linkedService" -> linkedServices;
                        case "dataset" -> datasets;
                        default ->
                            throw new AssertionError(file + " is in " + kind
                                    + "/; Data Factory's layout has pipeline/, linkedService/ and" + " dataset/");
                    };
            assertThat(into.put(name, definition))
                    .as(file + ": one " + kind + " of this name")
                    .isNull();
        }
        return new AdfDefinitions(files, pipelines, linkedServices, datasets);
    }

    /** The one pipeline. */
    JsonNode pipeline() {
        assertThat(pipelines).hasSize(1);
        return pipelines.values().iterator().next();
    }

    /** The activities directly inside {@code activity}: a ForEach's, an If Condition's two branches. */
    static List<JsonNode> children(JsonNode activity) {
        List<JsonNode> children = new ArrayList<>();
        JsonNode type = activity.path("typeProperties");
        for (String list : List.of("activities", "ifTrueActivities", "ifFalseActivities")) {
            type.path(list).forEach(children::add);
        }
        return children;
    }

    /** Every activity of the pipeline, nested ones included, in document order. */
    static List<JsonNode> allActivities(JsonNode pipeline) {
        List<JsonNode> all = new ArrayList<>();
        pipeline.path("properties").path("activities").forEach(activity -> collect(activity, all));
        return all;
    }

    private static void collect(JsonNode activity, List<JsonNode> into) {
        into.add(activity);
        children(activity).forEach(child -> collect(child, into));
    }
}
