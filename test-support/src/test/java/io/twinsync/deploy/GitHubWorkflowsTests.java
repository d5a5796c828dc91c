package io.twinsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * .github/workflows: what the workflows must do for this project (actionlint, in {@link LintWorkflowsIntegrationTests},
 * checks that GitHub can run them).
 */
class GitHubWorkflowsTests {

    private static final Path DIR = ScriptRun.ROOT.resolve(".github/workflows");

    @Test
    void ciRunsEveryTestWithPostgresAndAzuriteAndFailsWhenAServiceIsMissing() throws IOException {
        Map<String, Object> job = onlyJob(read("ci.yml"));
        assertThat(triggers(read("ci.yml"))).containsKey("push");

        Map<String, Object> postgres = map(map(job.get("services")).get("postgres"));
        assertThat(postgres.get("ports").toString()).contains("5432:5432");
        assertThat(map(postgres.get("env"))).containsEntry("POSTGRES_DB", "test");
        assertThat(map(job.get("env"))).containsEntry("TWINSYNC_REQUIRE_SERVICES", "true");

        List<String> runs = runs(job);
        assertThat(runs).containsSubsequence("scripts/start-azurite.sh", "./mvnw -B -ntp verify");
        assertThat(runs).contains("scripts/lint-workflows.sh");
        assertThat(withOf(job, "actions/setup-java")).containsEntry("java-version", "17");
    }

    @Test
    void releaseOnATagBuildsDeploysAndAttachesTheZipSignedInByOidc() throws IOException {
        Map<String, Object> workflow = read("release.yml");
        assertThat(map(triggers(workflow).get("push")).get("tags")).isEqualTo(List.of("v*"));
        assertThat(map(workflow.get("permissions")))
                .containsEntry("id-token", "write")
                .containsEntry("contents", "write");

        Map<String, Object> job = onlyJob(workflow);
        List<String> steps = steps(job).stream()
                .map(step -> String.valueOf(step.getOrDefault("uses", step.get("run"))))
                .toList();
        assertThat(steps)
                .anySatisfy(s -> assertThat(s).contains("scripts/build-task-zip.sh"))
                .anySatisfy(s -> assertThat(s).startsWith("azure/login@"))
                .anySatisfy(s -> assertThat(s).contains("scripts/deploy-task-zip.sh"))
                .anySatisfy(s -> assertThat(s).contains("gh release create"));
        assertThat(indexOf(steps, "build-task-zip.sh"))
                .isLessThan(indexOf(steps, "azure/login@"))
                .isLessThan(indexOf(steps, "deploy-task-zip.sh"));
        assertThat(indexOf(steps, "deploy-task-zip.sh")).isLessThan(indexOf(steps, "gh release create"));
        assertThat(withOf(job, "azure/login").values())
                .allSatisfy(v -> assertThat(v.toString()).matches("\\$\\{\\{ secrets\\.AZURE_\\w+ }}"));
    }

    @Test
    void noWorkflowHoldsASecretOrInterpolatesAnExpressionIntoAShellScript() throws IOException {
        for (Path file : workflows()) {
            Map<String, Object> workflow = read(file.getFileName().toString());
            for (Object jobValue : map(workflow.get("jobs")).values()) {
                for (Map<String, Object> step : steps(map(jobValue))) {
                    if (step.containsKey("run")) {
                        assertThat(step.get("run").toString())
                                .as(file + ": pass expressions through env")
                                .doesNotContain("${{");
                    }
                    for (String part : List.of("env", "with")) {
                        if (step.get(part) instanceof Map<?, ?> values) {
                            values.values().forEach(v -> assertThat(v.toString())
                                    .as(file + " " + part)
                                    .doesNotContainIgnoringCase("AccountKey=")
                                    .doesNotContainPattern(
                                            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                                    .doesNotContainPattern("[A-Za-z0-9+/]{40,}={0,2}"));
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyActionIsPinnedToAVersion() throws IOException {
        for (Path file : workflows()) {
            for (Object jobValue :
                    map(read(file.getFileName().toString()).get("jobs")).values()) {
                for (Map<String, Object> step : steps(map(jobValue))) {
                    if (step.containsKey("uses")) {
                        assertThat(step.get("uses").toString())
                                .as(file.toString())
                                .matches("[\\w.-]+/[\\w.-]+@v\\d+.*");
                    }
                }
            }
        }
    }

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static Map<String, Object> read(String name) throws IOException {
        return new Yaml().load(Files.readString(DIR.resolve(name)));
    }

    /** YAML 1.1 reads the key {@code on} as the boolean true. */
    private static Map<String, Object> triggers(Map<String, Object> workflow) {
        Object on = workflow.containsKey("on") ? workflow.get("on") : ((Map<?, ?>) workflow).get(Boolean.TRUE);
        return map(on);
    }

    private static Map<String, Object> onlyJob(Map<String, Object> workflow) {
        Map<String, Object> jobs = map(workflow.get("jobs"));
        assertThat(jobs).hasSize(1);
        return map(jobs.values().iterator().next());
    }

    private static List<Map<String, Object>> steps(Map<String, Object> job) {
        List<Map<String, Object>> steps = new ArrayList<>();
        ((List<?>) job.get("steps")).forEach(step -> steps.add(map(step)));
        return steps;
    }

    private static List<String> runs(Map<String, Object> job) {
        List<String> runs = new ArrayList<>();
        steps(job).stream()
                .filter(s -> s.containsKey("run"))
                .forEach(
                        s -> runs.addAll(List.of(s.get("run").toString().strip().split("\n"))));
        return runs.stream().map(String::strip).toList();
    }

    private static Map<String, Object> withOf(Map<String, Object> job, String action) {
        return steps(job).stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith(action + "@"))
                .map(s -> map(s.get("with")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + action));
    }

    private static int indexOf(List<String> steps, String part) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no step with " + part + " in " + steps);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
