package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.staging.json.StagingJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Looking at the graph from the CLI, in process against the embedded emulator after a first load of the sample:
 * {@code query} (every page, JSON lines or a table), {@code count}, and {@code twin --relationships} as one document.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphInspectionTests {

    static final Path home = CliRun.newHome("graph-inspection-");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
    }

    @Autowired
    TwinsyncCommandLine cli;

    private long twins;
    private long relationships;

    @BeforeAll
    void firstLoad() {
        CliRun run = CliRun.of(cli, "run");
        assertThat(run.code()).as(run.toString()).isZero();
        twins = CliRun.latestManifest(home).transform().twinFiles();
        relationships = CliRun.latestManifest(home).transform().relationships();
    }

    @Test
    void aQueryPrintsEveryResultAsAJsonLineFollowingThePages() throws Exception {
        // when every twin is queried, 100 a page
        CliRun query = CliRun.of(cli, "query", "--page-size", "100", "SELECT * FROM DIGITALTWINS");

        // then each twin is one JSON line, from every page
        assertThat(query.code()).as(query.toString()).isZero();
        List<String> lines = query.out().lines().toList();
        assertThat(lines).hasSize((int) twins);
        for (String line : lines) {
            assertThat(StagingJson.mapper().readTree(line).path("$dtId").asText())
                    .isNotEmpty();
        }
        long pages = (twins + 99) / 100;
        assertThat(query.err()).contains(twins + " results in " + pages + " pages");
    }

    @Test
    void aQueryAsATableHasAColumnPerFieldAndMaxStopsEarly() {
        CliRun table = CliRun.of(
                cli, "query", "--output", "table", "--max", "3", "SELECT T.$dtId, T.$etag FROM DIGITALTWINS T");

        assertThat(table.code()).as(table.toString()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("$dtId").contains("$etag");
        assertThat(lines.get(1)).containsPattern("^\\S+ +W/\"");
    }

    @Test
    void aQueryTheServiceRefusesSaysWhyWithoutAStackTrace() {
        CliRun bad = CliRun.of(cli, "query", "SELEKT * FROM DIGITALTWINS");

        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err())
                .contains("refused the query (400")
                .contains("concepts-query-language")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void countGivesTwinsPerModelAndRelationshipsAsTheGraphHasThem() throws Exception {
        CliRun text = CliRun.of(cli, "count");
        assertThat(text.code()).as(text.toString()).isZero();
        assertThat(text.out()).contains(twins + " twins, " + relationships + " relationships");
        assertThat(text.out()).containsPattern("(?m)^model +twins$");

        CliRun json = CliRun.of(cli, "count", "--output", "json");
        JsonNode counts = JsonOutputTests.oneDocument(json.out());
        assertThat(counts.path("twins").asLong()).isEqualTo(twins);
        assertThat(counts.path("relationships").asLong()).isEqualTo(relationships);
        long sum = 0;
        for (JsonNode perModel : counts.path("twinsByModel")) {
            sum += perModel.asLong();
        }
        assertThat(sum).isEqualTo(twins);
        // and each model's count is what a query of that model returns
        String model = counts.path("twinsByModel").fieldNames().next();
        CliRun ofModel = CliRun.of(
                cli, "query", "SELECT T.$dtId FROM DIGITALTWINS T WHERE IS_OF_MODEL(T, '" + model + "', exact)");
        assertThat(ofModel.out().lines().count())
                .isEqualTo(counts.path("twinsByModel").path(model).asLong());
    }

    @Test
    void aTwinWithItsRelationshipsIsOneJsonDocument() throws Exception {
        // given a twin with outgoing relationships
        String source = StagingJson.mapper()
                .readTree(CliRun.of(cli, "query", "--max", "1", "SELECT R.$sourceId FROM RELATIONSHIPS R")
                        .out())
                .path("$sourceId")
                .asText();
        long outgoing = CliRun.of(
                        cli,
                        "query",
                        "SELECT R.$relationshipId FROM RELATIONSHIPS R WHERE R.$sourceId = '" + source + "'")
                .out()
                .lines()
                .count();

        // when it is printed with its relationships / then the output is one document holding both
        CliRun twin = CliRun.of(cli, "twin", source, "--relationships");
        assertThat(twin.code()).as(twin.toString()).isZero();
        JsonNode document = JsonOutputTests.oneDocument(twin.out());
        assertThat(document.path("twin").path("$dtId").asText()).isEqualTo(source);
        assertThat(document.path("relationships")).hasSize((int) outgoing);
        assertThat(outgoing).isPositive();
        assertThat(document.path("relationships").get(0).path("$sourceId").asText())
                .isEqualTo(source);
    }
}
