package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Data Factory definitions in deploy/adf and deploy/adf-copy have the shape Data Factory expects and every
 * reference resolves; the pipelines' ending (fail when the batch failed, a warning when it was partial) does what the
 * README says; and the Copy variant copies each entity into the folder its ingest reads. The Custom activities'
 * commands are run for real by {@link DataFactoryPipelineIntegrationTests}.
 */
class DataFactoryPipelineTests {

    private static final Set<String> ACTIVITY_TYPES = Set.of(
            "Custom",
            "ForEach",
            "IfCondition",
            "Fail",
            "SetVariable",
            "Copy",
            "Lookup",
            "Wait",
            "Until",
            "ExecutePipeline",
            "WebActivity",
            "Filter",
            "Switch",
            "AppendVariable",
            "Validation",
            "GetMetadata");
    private static final Set<String> LINKED_SERVICE_TYPES =
            Set.of("AzureBlobStorage", "AzureBatch", "AzureKeyVault", "SqlServer");
    /** Linked services of Azure resources: the factory signs in to them as its identity, with no secret. */
    private static final Set<String> AZURE_LINKED_SERVICE_TYPES =
            Set.of("AzureBlobStorage", "AzureBatch", "AzureKeyVault");

    private static final Set<String> DATASET_TYPES = Set.of("Binary", "Json", "DelimitedText", "SqlServerTable");
    private static final Set<String> CONDITIONS = Set.of("Succeeded", "Failed", "Skipped", "Completed");
    private static final Pattern PIPELINE_PARAMETER = Pattern.compile("pipeline\\(\\)\\.parameters\\.(\\w+)");
    private static final Pattern ACTIVITY = Pattern.compile("activity\\('([^']+)'\\)");
    private static final Pattern OWN_PARAMETER = Pattern.compile("(?:linkedService|dataset)\\(\\)\\.(\\w+)");

    private final AdfDefinitions adf = AdfDefinitions.load();

    @Test
    void everyActivityHasAKnownTypeAUniqueNameAndResolvableDependencies() {
        adf.pipelines().values().forEach(DataFactoryPipelineTests::hasKnownTypesUniqueNamesAndResolvableDependencies);
    }

    private static void hasKnownTypesUniqueNamesAndResolvableDependencies(JsonNode pipeline) {
        // given a pipeline

        // then every activity is of a type Data Factory has, named once, and depends on siblings that exist
        Set<String> names = new HashSet<>();
        for (JsonNode activity : AdfDefinitions.allActivities(pipeline)) {
            String name = activity.path("name").asText();
            assertThat(names.add(name)).as("activity names are unique: " + name).isTrue();
            assertThat(ACTIVITY_TYPES).as(name).contains(activity.path("type").asText());
        }
        forEachScope(pipeline.path("properties").path("activities"), siblings -> {
            Set<String> here = new HashSet<>();
            siblings.forEach(a -> here.add(a.path("name").asText()));
            for (JsonNode activity : siblings) {
                for (JsonNode dependency : activity.path("dependsOn")) {
                    assertThat(here)
                            .as(activity.path("name") + " depends on a sibling")
                            .contains(dependency.path("activity").asText());
                    dependency.path("dependencyConditions").forEach(c -> assertThat(CONDITIONS)
                            .contains(c.asText()));
                }
            }
        });
    }

    @Test
    void everyExpressionNamesADeclaredParameterAndAnUpstreamActivity() {
        adf.pipelines().values().forEach(DataFactoryPipelineTests::namesDeclaredParametersAndUpstreamActivities);
    }

    private static void namesDeclaredParametersAndUpstreamActivities(JsonNode pipeline) {
        // given a pipeline, and what each activity runs after (its dependencies' and its containers', transitively)
        Set<String> declared = new HashSet<>();
        pipeline.path("properties").path("parameters").fieldNames().forEachRemaining(declared::add);
        Map<String, Set<String>> upstream = new HashMap<>();
        upstreams(pipeline.path("properties").path("activities"), Set.of(), upstream);

        // then
        for (JsonNode activity : AdfDefinitions.allActivities(pipeline)) {
            String name = activity.path("name").asText();
            JsonNode own = ownProperties(activity);
            for (String expression : expressions(own)) {
                Matcher parameter = PIPELINE_PARAMETER.matcher(expression);
                while (parameter.find()) {
                    assertThat(declared).as(name + ": " + expression).contains(parameter.group(1));
                }
                Matcher referenced = ACTIVITY.matcher(expression);
                while (referenced.find()) {
                    assertThat(upstream.get(name))
                            .as(name + " reads activity('" + referenced.group(1) + "') only after it ran")
                            .contains(referenced.group(1));
                }
                if (expression.contains("item()")) {
                    assertThat(upstream.get(name))
                            .as(name + " uses item() inside a ForEach")
                            .contains("ForEach");
                }
            }
        }
        // and every declared parameter is used
        String text = pipeline.path("properties").path("activities").toString();
        declared.forEach(p -> assertThat(text).as("parameter " + p + " is used").contains("parameters." + p));
    }

    @Test
    void linkedServiceAndDatasetReferencesResolveWithTheirParameters() {
        // given every definition
        List<JsonNode> everything = new ArrayList<>();
        everything.addAll(adf.pipelines().values());
        everything.addAll(adf.linkedServices().values());
        everything.addAll(adf.datasets().values());
        adf.integrationRuntimes().forEach((name, ir) -> assertThat(
                        ir.path("properties").path("type").asText())
                .as(name + ": the ERP is reached by a self-hosted runtime")
                .isEqualTo("SelfHosted"));

        // then each linked service and dataset is of a known type, and uses only the parameters it declares
        adf.linkedServices().forEach((name, ls) -> {
            assertThat(LINKED_SERVICE_TYPES)
                    .as(name)
                    .contains(ls.path("properties").path("type").asText());
            assertOwnParameters(name, ls);
        });
        adf.datasets().forEach((name, ds) -> {
            assertThat(DATASET_TYPES)
                    .as(name)
                    .contains(ds.path("properties").path("type").asText());
            assertOwnParameters(name, ds);
        });
        // and every reference names an object that exists and passes exactly what it needs
        for (JsonNode definition : everything) {
            for (JsonNode reference : definition.findParents("referenceName")) {
                String kind = reference.path("type").asText();
                String target = reference.path("referenceName").asText();
                JsonNode referenced =
                        switch (kind) {
                            case "LinkedServiceReference" ->
                                adf.linkedServices().get(target);
                            case "DatasetReference" -> adf.datasets().get(target);
                            // the credential holds a user-assigned identity's resource id, the factory's own:
                            // deploy/azure creates it (AzureTemplateTests), so it is not a file here
                            case "CredentialReference" -> {
                                assertThat(target).isEqualTo(AdfDefinitions.FACTORY_CREDENTIAL);
                                yield null;
                            }
                            case "IntegrationRuntimeReference" -> {
                                assertThat(adf.integrationRuntimes())
                                        .as(definition.path("name") + " -> integration runtime " + target)
                                        .containsKey(target);
                                yield null;
                            }
                            default -> throw new AssertionError("unknown reference type " + kind);
                        };
                if (kind.equals("CredentialReference") || kind.equals("IntegrationRuntimeReference")) {
                    continue;
                }
                String where = definition.path("name").asText() + " -> " + target;
                assertThat(referenced).as(where + " resolves").isNotNull();
                JsonNode parameters = referenced.path("properties").path("parameters");
                reference.path("parameters").fieldNames().forEachRemaining(p -> assertThat(parameters.has(p))
                        .as(where + " passes declared parameter " + p)
                        .isTrue());
                parameters.fields().forEachRemaining(p -> assertThat(
                                p.getValue().has("defaultValue")
                                        || reference.path("parameters").has(p.getKey()))
                        .as(where + " passes required parameter " + p.getKey())
                        .isTrue());
            }
        }
    }

    @Test
    void customActivitiesRunOnBatchFromCodeInStorageUnderAShellAndForEachStaysWithinItsLimits() {
        for (JsonNode activity : adf.pipelines().values().stream()
                .flatMap(pipeline -> AdfDefinitions.allActivities(pipeline).stream())
                .toList()) {
            String name = activity.path("name").asText();
            JsonNode type = activity.path("typeProperties");
            if (activity.path("type").asText().equals("Custom")) {
                assertThat(adf.linkedServices()
                                .get(activity.path("linkedServiceName")
                                        .path("referenceName")
                                        .asText())
                                .path("properties")
                                .path("type")
                                .asText())
                        .as(name + " runs on Azure Batch")
                        .isEqualTo("AzureBatch");
                String command = type.path("command")
                        .path("value")
                        .asText(type.path("command").asText());
                // Batch runs a command without a shell; leading or trailing spaces have made tasks hang
                assertThat(command)
                        .as(name)
                        .startsWith("/bin/sh -c '")
                        .endsWith("'")
                        .isEqualTo(command.strip());
                assertThat(type.has("resourceLinkedService") && type.has("folderPath"))
                        .as(name)
                        .isTrue();
            }
            if (activity.path("type").asText().equals("ForEach")) {
                assertThat(type.path("batchCount").asInt()).as(name).isBetween(1, 50);
                assertThat(type.path("isSequential").asBoolean()).as(name).isFalse();
                AdfDefinitions.children(activity)
                        .forEach(child -> assertThat(child.path("type").asText())
                                .as("no nested ForEach")
                                .isNotEqualTo("ForEach"));
            }
        }
    }

    @Test
    void nothingIsHardCodedAndNoSecretIsNeeded() {
        List<JsonNode> everything = new ArrayList<>();
        everything.addAll(adf.pipelines().values());
        everything.addAll(adf.linkedServices().values());
        everything.addAll(adf.datasets().values());
        for (JsonNode definition : everything) {
            List<String> values = new ArrayList<>();
            collectValues(definition, values);
            assertThat(values)
                    .as(definition.path("name") + ": accounts, instances, pools and vaults come from parameters")
                    .noneMatch(v -> v.matches("(?s).*(\\.blob\\.core\\.windows\\.net|\\.digitaltwins\\.azure\\.net"
                            + "|\\.batch\\.azure\\.com|\\.vault\\.azure\\.net|AccountKey=|sig=).*"));
            // Data Factory signs in to Batch, storage and Key Vault as a managed identity: no secret to keep, even in
            // Key Vault
            for (String secret : List.of("accessKey", "connectionString", "sasUri", "accountKey", "sasToken")) {
                assertThat(definition.findValues(secret))
                        .as(definition.path("name") + ": " + secret)
                        .isEmpty();
            }
            // the ERP is no Azure resource: its SQL login's password may only come from Key Vault
            for (JsonNode password : definition.findValues("password")) {
                assertThat(definition.path("properties").path("type").asText())
                        .as(definition.path("name") + ": only the ERP has a password")
                        .isEqualTo("SqlServer");
                assertThat(password.path("type").asText())
                        .as(definition.path("name") + ": the password is a Key Vault secret")
                        .isEqualTo("AzureKeyVaultSecret");
            }
        }
        adf.linkedServices().forEach((name, ls) -> {
            if (AZURE_LINKED_SERVICE_TYPES.contains(
                    ls.path("properties").path("type").asText())) {
                assertThat(ls.path("properties")
                                .path("typeProperties")
                                .path("credential")
                                .path("referenceName")
                                .asText())
                        .as(name + " signs in as the factory's identity")
                        .isEqualTo(AdfDefinitions.FACTORY_CREDENTIAL);
            }
        });
    }

    @Test
    void copyActivitiesCopyAQueryFromTheErpThroughTheSelfHostedRuntimeIntoJsonLinesInStaging() {
        List<JsonNode> copies = AdfDefinitions.allActivities(adf.pipeline(AdfDefinitions.SYNC_WITH_COPY)).stream()
                .filter(activity -> activity.path("type").asText().equals("Copy"))
                .toList();
        assertThat(copies).hasSize(1);
        for (JsonNode copy : copies) {
            String name = copy.path("name").asText();
            JsonNode type = copy.path("typeProperties");
            assertThat(type.path("source").path("type").asText()).as(name).isEqualTo("SqlServerSource");
            assertThat(type.path("source").path("sqlReaderQuery").path("value").asText())
                    .as(name)
                    .isEqualTo("@item().query");
            assertThat(type.path("sink").path("type").asText()).as(name).isEqualTo("JsonSink");
            assertThat(type.path("sink")
                            .path("formatSettings")
                            .path("filePattern")
                            .asText())
                    .as(name + ": one object per line, as run --rows-from reads")
                    .isEqualTo("setOfObjects");
            assertThat(copy.path("policy").path("retry").asInt())
                    .as(name + ": a retry writes the same file again")
                    .isPositive();
            JsonNode input = adf.datasets()
                    .get(copy.path("inputs").path(0).path("referenceName").asText());
            JsonNode erp = adf.linkedServices()
                    .get(input.path("properties")
                            .path("linkedServiceName")
                            .path("referenceName")
                            .asText());
            assertThat(erp.path("properties").path("type").asText()).isEqualTo("SqlServer");
            assertThat(erp.path("properties").path("connectVia").path("type").asText())
                    .isEqualTo("IntegrationRuntimeReference");
            JsonNode output = adf.datasets()
                    .get(copy.path("outputs").path(0).path("referenceName").asText());
            assertThat(output.path("properties").path("type").asText()).isEqualTo("Json");
            assertThat(adf.linkedServices()
                            .get(output.path("properties")
                                    .path("linkedServiceName")
                                    .path("referenceName")
                                    .asText())
                            .path("properties")
                            .path("type")
                            .asText())
                    .isEqualTo("AzureBlobStorage");
        }
    }

    @Test
    void theCopyVariantCopiesEveryEntityIntoTheFolderItsIngestReadsThenEndsAsTheSyncDoes() throws Exception {
        // given the Copy variant, a copy plan of two entities, and its other Custom activities answered as a partial
        // batch's would be
        JsonNode pipeline = adf.pipeline(AdfDefinitions.SYNC_WITH_COPY);
        Map<String, Object> parameters = someParameters(pipeline);
        parameters.put("stagingPath", "twinsync");
        List<JsonNode> copied = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        AdfPipelineRunner.CustomActivities custom = cannedOutputs(3, "PARTIAL");

        // when it runs
        AdfPipelineRunner.Outcome run = new AdfPipelineRunner(
                        (activity, runName) -> {
                            commands.add(activity.path("typeProperties")
                                    .path("command")
                                    .asText());
                            return custom.run(activity, runName);
                        },
                        (activity, runName) -> copied.add(activity))
                .run(pipeline, parameters);

        // then each entity was copied, its own query into {stagingPath}/incoming/{run id}/{entity}.json, before the
        // batch staged that folder; and the batch ended as the JDBC pipeline's does
        assertThat(run.status()).as(run.toString()).isEqualTo("Succeeded");
        assertThat(run.ran())
                .containsSubsequence(
                        "PlanCopies", "CopyEntities", "CopyEntity[0]", "CopyEntity[1]", "ExtractAndTransform")
                .containsSubsequence("RecordAndArchive", "FailWhenBatchFailed", "ReportResult");
        assertThat(copied).hasSize(2);
        JsonNode sink = copied.get(1).path("outputs").path(0).path("parameters");
        assertThat(sink.path("folderPath").asText()).isEqualTo("twinsync/incoming/" + run.runId());
        assertThat(sink.path("fileName").asText()).isEqualTo("building.json");
        assertThat(copied.get(1)
                        .path("typeProperties")
                        .path("source")
                        .path("sqlReaderQuery")
                        .asText())
                .isEqualTo("SELECT b.BuildingId FROM Building b");
        assertThat(commands.get(0)).endsWith("-jar twinsync.jar copy-plan --rows-from incoming/" + run.runId() + "'");
        assertThat(commands.get(1)).contains("run --partitions 2 --rows-from incoming/" + run.runId() + "'");
        assertThat(run.returnValue().path("result").asText()).isEqualTo("PARTIAL");
    }

    @Test
    void aPartialBatchSucceedsWithAWarningAndAFailedOneFailsThePipeline() throws Exception {
        // given the pipeline with its Custom activities answered as a partial batch's would be
        Map<String, Object> parameters = someParameters();

        // when it runs
        AdfPipelineRunner.Outcome partial =
                new AdfPipelineRunner(cannedOutputs(3, "PARTIAL")).run(adf.pipeline(), parameters);

        // then it succeeds, returning the batch, its result, counts and a warning
        assertThat(partial.status()).as(partial.toString()).isEqualTo("Succeeded");
        assertThat(partial.returnValue().path("result").asText()).isEqualTo("PARTIAL");
        assertThat(partial.returnValue().path("warning").asText())
                .contains("b-1")
                .contains("PARTIAL");
        assertThat(partial.returnValue().path("twins").path("created").asInt()).isEqualTo(5);
        assertThat(partial.ran())
                .containsSubsequence("ExtractAndTransform", "WriteTwins[0]", "WriteTwins[1]", "WriteRelationships[0]")
                .containsSubsequence("RecordAndArchive", "FailWhenBatchFailed", "ReportResult")
                .doesNotContain("BatchFailed");

        // when a batch ends OK, there is no warning
        AdfPipelineRunner.Outcome ok = new AdfPipelineRunner(cannedOutputs(0, "OK")).run(adf.pipeline(), parameters);
        assertThat(ok.status()).isEqualTo("Succeeded");
        assertThat(ok.returnValue().path("warning").asText()).isEmpty();

        // when the batch failed, the pipeline fails in the Fail activity with the result and the exit code
        AdfPipelineRunner.Outcome failed =
                new AdfPipelineRunner(cannedOutputs(1, "FAILED")).run(adf.pipeline(), parameters);
        assertThat(failed.status()).isEqualTo("Failed");
        assertThat(failed.failedActivity()).isEqualTo("BatchFailed");
        assertThat(failed.message()).contains("Batch b-1 ended FAILED").contains("twinsync run --resume b-1");
        assertThat(failed.errorCode()).isEqualTo("1");
        assertThat(failed.ran()).doesNotContain("ReportResult");

        // and so does a batch whose job completed but wrote nothing (result FAILED, exit code 3)
        AdfPipelineRunner.Outcome nothingWritten =
                new AdfPipelineRunner(cannedOutputs(3, "FAILED")).run(adf.pipeline(), parameters);
        assertThat(nothingWritten.status()).isEqualTo("Failed");
        assertThat(nothingWritten.errorCode()).isEqualTo("3");
    }

    private static AdfPipelineRunner.CustomActivities cannedOutputs(int exitCode, String result) {
        ObjectMapper json = new ObjectMapper();
        return (activity, runName) -> switch (activity.path("name").asText()) {
            case "PlanCopies" ->
                json.readTree("{\"entities\": [{\"name\": \"site\", \"query\": \"SELECT * FROM [Site]\","
                        + " \"fileName\": \"site.json\"}, {\"name\": \"building\", \"query\":"
                        + " \"SELECT b.BuildingId FROM Building b\", \"fileName\": \"building.json\"}]}");
            case "ExtractAndTransform" ->
                json.readTree("{\"batch\": \"b-1\", \"partitions\": [" + partition(1) + ", " + partition(2) + "]}");
            case "WriteTwins", "WriteRelationships" -> json.readTree("{\"exitCode\": 0}");
            case "RecordAndArchive" ->
                json.readTree("{\"batch\": \"b-1\", \"result\": \"" + result + "\", \"exitCode\": "
                        + exitCode
                        + ", \"location\": \"u/archive/b-1\", \"manifest\": {\"write\": {\"twins\": {\"created\": 5},"
                        + " \"relationships\": {\"created\": 4}}}}");
            default -> throw new AssertionError(activity.path("name").asText());
        };
    }

    /** A partition list item as the hand-off writes it (DataFactoryHandOff, TaskSettings). */
    private static String partition(int i) {
        return ("{'name': 'part-%d-of-2', 'twinFiles': 3, 'extendedProperties': {'batch': 'u/b-1', 'endpoint': 'e',"
                        + " 'targetKey': 'e', 'partition': '%d/2', 'rateShare': '0.5', 'concurrency': 32, 'limits': {},"
                        + " 'fullCompare': false, 'throttleBudget': 'PT10M', 'unreachableAfter': 'PT1M'}}")
                .formatted(i, i)
                .replace('\'', '"');
    }

    private Map<String, Object> someParameters() {
        return someParameters(adf.pipeline());
    }

    private static Map<String, Object> someParameters(JsonNode pipeline) {
        Map<String, Object> parameters = new HashMap<>();
        pipeline.path("properties").path("parameters").fieldNames().forEachRemaining(p -> parameters.put(p, p));
        parameters.put("partitions", 2);
        return parameters;
    }

    private static void assertOwnParameters(String name, JsonNode definition) {
        JsonNode declared = definition.path("properties").path("parameters");
        for (String expression : expressions(definition)) {
            Matcher own = OWN_PARAMETER.matcher(expression);
            while (own.find()) {
                assertThat(declared.has(own.group(1)))
                        .as(name + " declares " + own.group(1))
                        .isTrue();
            }
        }
    }

    /** An activity without its nested activities, which are checked on their own. */
    private static JsonNode ownProperties(JsonNode activity) {
        com.fasterxml.jackson.databind.node.ObjectNode own = activity.deepCopy();
        JsonNode type = own.path("typeProperties");
        if (type.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) type)
                    .remove(List.of("activities", "ifTrueActivities", "ifFalseActivities"));
        }
        return own;
    }

    private static List<String> expressions(JsonNode node) {
        List<String> values = new ArrayList<>();
        collectValues(node, values);
        List<String> found = new ArrayList<>();
        values.forEach(v -> found.addAll(AdfExpressions.expressionsIn(v)));
        return found;
    }

    private static void collectValues(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("description")) {
                collectValues(field.getValue(), into);
            }
        });
        if (node.isArray()) {
            node.forEach(element -> collectValues(element, into));
        }
    }

    private static void forEachScope(JsonNode activities, java.util.function.Consumer<List<JsonNode>> check) {
        List<JsonNode> siblings = new ArrayList<>();
        activities.forEach(siblings::add);
        check.accept(siblings);
        siblings.forEach(activity -> {
            JsonNode type = activity.path("typeProperties");
            for (String list : List.of("activities", "ifTrueActivities", "ifFalseActivities")) {
                if (type.has(list)) {
                    forEachScope(type.path(list), check);
                }
            }
        });
    }

    /**
     * What each activity runs after: its dependencies and theirs, and its containers' (plus the marker
     * {@code ForEach} inside one, for {@code item()}).
     */
    private static void upstreams(JsonNode activities, Set<String> outer, Map<String, Set<String>> into) {
        Map<String, JsonNode> byName = new HashMap<>();
        activities.forEach(a -> byName.put(a.path("name").asText(), a));
        for (JsonNode activity : activities) {
            Set<String> before = new HashSet<>(outer);
            List<String> queue = new ArrayList<>();
            activity.path("dependsOn").forEach(d -> queue.add(d.path("activity").asText()));
            while (!queue.isEmpty()) {
                String name = queue.remove(0);
                if (before.add(name) && byName.containsKey(name)) {
                    byName.get(name)
                            .path("dependsOn")
                            .forEach(d -> queue.add(d.path("activity").asText()));
                }
            }
            into.put(activity.path("name").asText(), before);
            Set<String> inner = new HashSet<>(before);
            if (activity.path("type").asText().equals("ForEach")) {
                inner.add("ForEach");
            }
            JsonNode type = activity.path("typeProperties");
            for (String list : List.of("activities", "ifTrueActivities", "ifFalseActivities")) {
                if (type.has(list)) {
                    upstreams(type.path(list), inner, into);
                }
            }
        }
    }
}
