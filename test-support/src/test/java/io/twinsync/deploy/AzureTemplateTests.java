package io.twinsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/azure: a structural check of the ARM template main.json (no Bicep CLI or ARM schema set is available
 * offline, see deploy/azure/README.md), that main.bicep, which it translates by hand, declares the same things, and
 * that both deploy deploy/adf's Data Factory objects unchanged.
 */
class AzureTemplateTests {

    private static final Path DIR = ScriptRun.ROOT.resolve("deploy/azure");
    private static final Path ADF = ScriptRun.ROOT.resolve("deploy/adf");
    private static final Pattern PARAMETER = Pattern.compile("parameters\\('([^']+)'\\)");
    private static final Pattern VARIABLE = Pattern.compile("variables\\('([^']+)'\\)");
    private static final Map<String, String> BUILT_IN_ROLES = Map.of(
            "digitalTwinsDataOwner", "bcd981a7-7f74-457b-83e1-cceb9e632ffe",
            "storageBlobDataContributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
            "contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c");

    private static JsonNode template;
    private static List<JsonNode> resources;

    @BeforeAll
    static void readTemplate() throws IOException {
        template = new ObjectMapper().readTree(DIR.resolve("main.json").toFile());
        resources = StreamSupport.stream(template.path("resources").spliterator(), false)
                .toList();
    }

    @Test
    void isADeploymentTemplateWithResources() {
        assertThat(template.path("$schema").asText())
                .isEqualTo("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#");
        assertThat(template.path("contentVersion").asText()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(resources).isNotEmpty();
    }

    @Test
    void everyResourceHasATypeAnApiVersionAndAName() {
        for (JsonNode resource : resources) {
            assertThat(resource.path("type").asText()).as(resource.toString()).matches("Microsoft\\.\\w+(/\\w+)+");
            assertThat(resource.path("apiVersion").asText())
                    .as(resource.toString())
                    .matches("\\d{4}-\\d{2}-\\d{2}(-preview)?");
            assertThat(resource.path("name").asText()).as(resource.toString()).isNotBlank();
        }
    }

    @Test
    void everyExpressionIsBalanced() {
        for (String s : ArmTemplate.strings(template)) {
            if (s.startsWith("[") && !s.startsWith("[[")) {
                assertThat(s).as("an expression").endsWith("]");
                ArmTemplate.splitArguments(s.substring(1, s.length() - 1)); // throws on nothing, counts below
                assertThat(s.chars().filter(c -> c == '(').count())
                        .as(s)
                        .isEqualTo(s.chars().filter(c -> c == ')').count());
                assertThat(s.chars().filter(c -> c == '\'').count() % 2).as(s).isZero();
            }
        }
    }

    @Test
    void everyParameterAndVariableUsedIsDeclaredAndEveryParameterIsUsed() {
        Set<String> usedParameters = new TreeSet<>();
        Set<String> usedVariables = new TreeSet<>();
        for (String s : ArmTemplate.strings(template)) {
            PARAMETER.matcher(s).results().forEach(m -> usedParameters.add(m.group(1)));
            VARIABLE.matcher(s).results().forEach(m -> usedVariables.add(m.group(1)));
        }
        assertThat(names(template.path("parameters"))).containsExactlyInAnyOrderElementsOf(usedParameters);
        assertThat(names(template.path("variables"))).containsAll(usedVariables);
    }

    @Test
    void everyResourceIdNamesAResourceOfTheTemplateOrABuiltInRole() {
        Set<String> declared = declaredIdentities();
        for (JsonNode resource : resources) {
            for (String s : ArmTemplate.strings(resource)) {
                for (String id : ArmTemplate.resourceIds(s)) {
                    assertThat(declared).as("resourceId in " + s).contains(id);
                }
            }
        }
    }

    @Test
    void everyResourceDependsOnItsParentAndOnWhatItReads() {
        Set<String> declared = declaredIdentities();
        for (JsonNode resource : resources) {
            Set<String> dependsOn = new HashSet<>();
            resource.path("dependsOn").forEach(d -> dependsOn.addAll(ArmTemplate.resourceIds(d.asText())));
            assertThat(declared).as("dependsOn of " + resource.path("name")).containsAll(dependsOn);
            String identity = ArmTemplate.identity(resource);
            List<String> parts = List.of(identity.split("\\|"));
            String[] type = parts.get(0).split("/");
            if (type.length > 2) {
                String parentType = String.join("/", java.util.Arrays.copyOf(type, type.length - 1));
                String parent = parentType + "|" + String.join("|", parts.subList(1, parts.size() - 1));
                assertThat(dependsOn)
                        .as(resource.path("name") + " depends on its parent")
                        .contains(parent);
            }
            for (String s : ArmTemplate.strings(resource.path("properties"))) {
                Matcher m = Pattern.compile("reference\\((resourceId\\(.*)").matcher(s);
                while (m.find()) {
                    String read = ArmTemplate.resourceIds(m.group(1)).get(0);
                    assertThat(dependsOn)
                            .as(resource.path("name") + " reads " + read)
                            .contains(read);
                }
            }
        }
    }

    @Test
    void thePoolIdentityMayWriteTwinsAndBlobsAndDataFactoryMayUseBatchAndBlobs() {
        assertThat(template.path("variables").path("roles").properties())
                .allSatisfy(role -> assertThat(role.getValue().asText())
                        .as(role.getKey())
                        .isEqualTo(BUILT_IN_ROLES.get(role.getKey())));
        List<String> grants = new ArrayList<>();
        for (JsonNode resource : resources) {
            if (resource.path("type").asText().equals("Microsoft.Authorization/roleAssignments")) {
                String role =
                        resource.at("/properties/roleDefinitionId").asText().replaceAll(".*\\.(\\w+)\\)]$", "$1");
                String scope = resource.path("scope").asText().replaceAll("^\\[format\\('([^/]+/[^/]+)/.*", "$1");
                String principal =
                        resource.at("/properties/principalId").asText().replaceAll(".*variables\\('(\\w+)'\\).*", "$1");
                grants.add(principal + " " + role + " on " + scope);
            }
        }
        assertThat(grants)
                .containsExactlyInAnyOrder(
                        "poolIdentityName digitalTwinsDataOwner on Microsoft.DigitalTwins/digitalTwinsInstances",
                        "poolIdentityName storageBlobDataContributor on Microsoft.Storage/storageAccounts",
                        "factoryIdentityName contributor on Microsoft.Batch/batchAccounts",
                        "factoryIdentityName storageBlobDataContributor on Microsoft.Storage/storageAccounts",
                        "[parameters('deployerPrincipalId')] storageBlobDataContributor on Microsoft.Storage/storageAccounts");
    }

    @Test
    void theStorageAccountHasTheStagingArchiveAndCodeContainers() {
        assertThat(template.at("/variables/containerNames").toString()).isEqualTo("[\"staging\",\"archive\",\"code\"]");
    }

    @Test
    void theParametersExampleGivesEveryRequiredParameterAndOnlyDeclaredOnes() throws IOException {
        JsonNode example = new ObjectMapper()
                .readTree(DIR.resolve("main.parameters.example.json").toFile())
                .path("parameters");
        Set<String> declared = names(template.path("parameters"));
        assertThat(declared).containsAll(names(example));
        template.path("parameters").properties().forEach(p -> {
            if (!p.getValue().has("defaultValue")) {
                assertThat(names(example)).as("required parameter").contains(p.getKey());
            }
        });
    }

    @Test
    void theBicepFileDeclaresTheSameParametersResourcesAndOutputs() throws IOException {
        String bicep = Files.readString(DIR.resolve("main.bicep"));
        Map<String, String> bicepParameters = new TreeMap<>();
        Pattern.compile("(?m)^param (\\w+) (\\w+)")
                .matcher(bicep)
                .results()
                .forEach(m -> bicepParameters.put(m.group(1), m.group(2)));
        Map<String, String> jsonParameters = new TreeMap<>();
        template.path("parameters")
                .properties()
                .forEach(p ->
                        jsonParameters.put(p.getKey(), p.getValue().path("type").asText()));
        assertThat(bicepParameters).isEqualTo(jsonParameters);

        List<String> bicepResources = Pattern.compile("(?m)^resource \\w+ '([^']+)'")
                .matcher(bicep)
                .results()
                .map(m -> m.group(1))
                .sorted()
                .toList();
        List<String> jsonResources = resources.stream()
                .map(r -> r.path("type").asText() + "@" + r.path("apiVersion").asText())
                .sorted()
                .toList();
        assertThat(bicepResources).isEqualTo(jsonResources);

        Set<String> bicepOutputs = new TreeSet<>();
        Pattern.compile("(?m)^output (\\w+) ").matcher(bicep).results().forEach(m -> bicepOutputs.add(m.group(1)));
        assertThat(bicepOutputs).isEqualTo(names(template.path("outputs")));
    }

    @Test
    void theDataFactoryObjectsAreDeployAdfsFilesAsTheyAre() throws IOException {
        // deploy/adf is the one definition: main.bicep loads each file, main.json inlines it unchanged. The Copy
        // activity variant, deploy/adf-copy, is deliberately not deployed and not walked here: its ERP linked service
        // names a self-hosted integration runtime that needs a node on the user's network, which the template cannot
        // install (a runtime without a node fails every run), and a Key Vault it does not make.
        String bicep = Files.readString(DIR.resolve("main.bicep"));
        Map<String, String> types = Map.of(
                "linkedService", "Microsoft.DataFactory/factories/linkedservices",
                "dataset", "Microsoft.DataFactory/factories/datasets",
                "pipeline", "Microsoft.DataFactory/factories/pipelines");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ADF)) {
            files = walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(4);
        for (Path file : files) {
            String kind = file.getParent().getFileName().toString();
            JsonNode definition = new ObjectMapper().readTree(file.toFile());
            String name = definition.path("name").asText();
            assertThat(bicep)
                    .as(file + " is loaded by main.bicep")
                    .contains("loadJsonContent('../adf/" + kind + "/" + file.getFileName() + "')");
            List<JsonNode> deployed = resources.stream()
                    .filter(r -> r.path("type").asText().equals(types.get(kind)))
                    .filter(r -> r.path("name").asText().endsWith(", '" + name + "')]"))
                    .toList();
            assertThat(deployed).as(file + " is deployed by main.json").hasSize(1);
            assertThat(deployed.get(0).path("properties"))
                    .as("main.json's " + name + " is " + file + "'s properties; after editing the file, copy them: "
                            + "jq '.properties' " + file)
                    .isEqualTo(definition.path("properties"));
        }
        assertThat(resources.stream()
                        .filter(r -> types.containsValue(r.path("type").asText()))
                        .count())
                .as("nothing but deploy/adf's objects")
                .isEqualTo(files.size());
    }

    @Test
    void everyCredentialReferenceNamesTheFactoryIdentity() {
        List<JsonNode> credentials = resources.stream()
                .filter(r -> r.path("type").asText().equals("Microsoft.DataFactory/factories/credentials"))
                .toList();
        assertThat(credentials).hasSize(1);
        assertThat(ArmTemplate.identity(credentials.get(0))).endsWith("|'TwinsyncFactoryIdentity'");
        assertThat(credentials
                        .get(0)
                        .at("/properties/typeProperties/resourceId")
                        .asText())
                .isEqualTo("[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', "
                        + "variables('factoryIdentityName'))]");
        List<JsonNode> references = template.findParents("referenceName").stream()
                .filter(r -> r.path("type").asText().equals("CredentialReference"))
                .toList();
        assertThat(references)
                .as("linked services signing in as the factory identity")
                .hasSizeGreaterThan(1);
        references.forEach(r -> assertThat(r.path("referenceName").asText()).isEqualTo("TwinsyncFactoryIdentity"));
    }

    @Test
    void theScheduleGivesEveryRequiredPipelineParameterAndOnlyDeclaredOnes() throws IOException {
        JsonNode declared = new ObjectMapper()
                .readTree(ADF.resolve("pipeline/TwinsyncSync.json").toFile())
                .at("/properties/parameters");
        JsonNode trigger = resources.stream()
                .filter(r -> r.path("type").asText().equals("Microsoft.DataFactory/factories/triggers"))
                .findFirst()
                .orElseThrow();
        String expression = trigger.at("/properties/pipelines/0/parameters").asText();
        assertThat(expression).startsWith("[union(createObject(").endsWith(", parameters('pipelineParameters'))]");
        int open = expression.indexOf("createObject(") + "createObject".length();
        List<String> arguments = ArmTemplate.splitArguments(
                expression.substring(open + 1, ArmTemplate.closingParenthesis(expression, open)));
        Set<String> given = new TreeSet<>();
        for (int i = 0; i < arguments.size(); i += 2) {
            given.add(arguments.get(i).replace("'", ""));
        }
        assertThat(names(declared)).as("declared by the pipeline").containsAll(given);
        declared.properties().forEach(p -> {
            if (!p.getValue().has("defaultValue")) {
                assertThat(given).as("required pipeline parameter").contains(p.getKey());
            }
        });
    }

    @Test
    void theJobRepositoryIsAnEntraOnlyDatabaseAdministeredByThePoolIdentity() {
        JsonNode server = resources.stream()
                .filter(r -> r.path("type").asText().equals("Microsoft.Sql/servers"))
                .findFirst()
                .orElseThrow();
        JsonNode admin = server.at("/properties/administrators");
        assertThat(admin.path("azureADOnlyAuthentication").asBoolean()).isTrue();
        assertThat(admin.path("login").asText()).isEqualTo("[variables('poolIdentityName')]");
        assertThat(admin.path("sid").asText())
                .contains("variables('poolIdentityName')")
                .endsWith(".clientId]");
        assertThat(ArmTemplate.strings(template)).noneMatch(s -> s.toLowerCase().contains("password"));
        assertThat(template.at("/outputs/jobsJdbcUrl/value").asText())
                .contains("authentication=ActiveDirectoryManagedIdentity")
                .contains("user={2}")
                .contains("variables('poolIdentityName')), '2023-01-31').clientId");
    }

    private static Set<String> declaredIdentities() {
        Set<String> declared = new HashSet<>();
        resources.forEach(r -> declared.add(ArmTemplate.identity(r)));
        return declared;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
