package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.staging.json.StagingJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code --output json} as a pipeline reads it: standard output is one JSON document holding what the text output
 * says, and the text (the report a person reads) goes to standard error.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JsonOutputTests {

    static final Path home = CliRun.newHome("json-output-");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
    }

    @Autowired
    TwinsyncCommandLine cli;

    private String batch;

    @Test
    @Order(1)
    void aRunPrintsItsResultAndManifestAsOneDocumentAndItsReportOnStandardError() throws Exception {
        CliRun run = CliRun.of(cli, "run", "--output", "json");

        assertThat(run.code()).as(run.toString()).isZero();
        JsonNode document = oneDocument(run.out());
        batch = document.path("batch").asText();
        assertThat(batch).isNotEmpty();
        assertThat(document.path("result").asText()).isEqualTo("OK");
        assertThat(document.path("exitCode").asInt()).isZero();
        assertThat(document.path("report").asText())
                .isEqualTo(document.path("location").asText() + "/report.html");
        JsonNode manifest = document.path("manifest");
        assertThat(manifest.path("write").path("twins").path("created").asLong())
                .isEqualTo(manifest.path("transform").path("twinFiles").asLong())
                .isPositive();
        assertThat(run.err()).contains("twinsync run: batch " + batch).contains("result     OK");
    }

    @Test
    @Order(2)
    void statusListsAndDetailsBatchesAsDocuments() throws Exception {
        JsonNode list = oneDocument(CliRun.of(cli, "status", "--output", "json").out());
        List<String> ids = new ArrayList<>();
        list.path("batches").forEach(b -> ids.add(b.path("batch").asText()));
        assertThat(ids).containsExactly(batch);
        JsonNode listed = list.path("batches").get(0);
        assertThat(listed.path("state").asText()).isEqualTo("OK");
        assertThat(listed.path("jobStatus").asText()).isEqualTo("COMPLETED");
        assertThat(listed.path("archived").asBoolean()).isTrue();

        JsonNode detail =
                oneDocument(CliRun.of(cli, "status", batch, "--output", "json").out());
        List<String> steps = new ArrayList<>();
        detail.path("steps").forEach(step -> steps.add(step.path("name").asText()));
        assertThat(steps).contains("extract", "transform", "writeTwins", "writeRelationships", "record", "archive");
        assertThat(detail.path("problems").path("failedItems").isArray()).isTrue();
        assertThat(detail.path("manifest").path("batchId").asText()).isEqualTo(batch);
    }

    @Test
    @Order(3)
    void validatePrintsWhatItCheckedAsADocument() throws Exception {
        CliRun validate = CliRun.of(cli, "validate", "--output", "json");

        assertThat(validate.code()).as(validate.toString()).isZero();
        JsonNode document = oneDocument(validate.out());
        assertThat(document.path("valid").asBoolean()).isTrue();
        assertThat(document.path("mapping").path("problems").isArray()).isTrue();
        assertThat(document.path("mapping").path("problems")).isEmpty();
        assertThat(document.path("mapping").path("rowsChecked").size()).isPositive();
        assertThat(document.path("models").path("checked").asBoolean()).isTrue();
        assertThat(validate.err()).contains("Mapping ");
    }

    @Test
    @Order(5)
    void aCommandThatCannotRunStillGivesADocumentWithItsExitCodeAndWhy() throws Exception {
        // given a batch that does not exist
        CliRun status = CliRun.of(cli, "status", "20200101T000000000Z-000000", "--output", "json");

        // then the message is on standard error, and standard output is a document saying the same
        assertThat(status.code()).isEqualTo(1);
        JsonNode document = oneDocument(status.out());
        assertThat(document.path("exitCode").asInt()).isEqualTo(1);
        assertThat(document.path("error").asText()).isNotBlank();
        assertThat(status.err()).contains(document.path("error").asText());
    }

    /** The output as one JSON document, and nothing after it. */
    static JsonNode oneDocument(String output) throws Exception {
        return StagingJson.mapper()
                .readerFor(JsonNode.class)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readValue(output);
    }

    @Test
    @Order(4)
    void anOutputFormatThatIsNotTextOrJsonIsAUsageError() {
        CliRun wrong = CliRun.of(cli, "status", "--output", "xml");

        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("--output must be text or json, was xml");
    }
}
