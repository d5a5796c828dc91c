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
        Map<String, JsonNode> datasets,
        Map<String, JsonNode> integrationRuntimes) {

    /** The folder, from the orchestrator module where the tests run. */
    static final Path FOLDER = Path.of("..", "deploy", "adf");

    /**
     * The Copy activity variant's folder: its pipeline, and the ERP's linked service, datasets and integration
     * runtime, which reference deploy/adf's objects. Kept apart so that a factory without a self-hosted integration
     * runtime can import deploy/adf alone (and deploy/azure deploys only deploy/adf).
     */
    static final Path COPY_FOLDER = Path.of("..", "deploy", "adf-copy");

    /** The pipeline that extracts by JDBC. */
    static final String SYNC = "TwinsyncSync";

    /** The pipeline whose Copy activities copy the ERP's rows for {@code run --rows-from}. */
    static final String SYNC_WITH_COPY = "TwinsyncSyncWithCopy";

    /** The factory credential every linked service signs in with; deploy/azure creates it. */
    static final String FACTORY_CREDENTIAL = "TwinsyncFactoryIdentity";

    static AdfDefinitions load() {
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(FOLDER, COPY_FOLDER)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(path -> path.toString().endsWith(".json")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, JsonNode> pipelines = new TreeMap<>();
        Map<String, JsonNode> linkedServices = new TreeMap<>();
        Map<String, JsonNode> datasets = new TreeMap<>();
        Map<String, JsonNode> integrationRuntimes = new TreeMap<>();
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
                        case "integrationRuntime" -> integrationRuntimes;
                        default ->
                            throw new AssertionError(file + " is in " + kind
                                    + "/; Data Factory's layout has pipeline/, linkedService/, dataset/ and"
                                    + " integrationRuntime/");
                    };
            assertThat(into.put(name, definition))
                    .as(file + ": one " + kind + " of this name")
                    .isNull();
        }
        return new AdfDefinitions(files, pipelines, linkedServices, datasets, integrationRuntimes);
    }

    /** The pipeline that extracts by JDBC, {@value #SYNC}. */
    JsonNode pipeline() {
        return pipeline(SYNC);
    }

    JsonNode pipeline(String name) {
        assertThat(pipelines).containsOnlyKeys(SYNC, SYNC_WITH_COPY);
        return pipelines.get(name);
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
