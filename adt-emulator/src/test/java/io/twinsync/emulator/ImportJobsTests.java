package io.twinsync.emulator;

import static io.twinsync.emulator.AdtAssertions.assertAdtError;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.rest.PagedResponse;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.implementation.models.ImportJob;
import com.azure.digitaltwins.core.implementation.models.ImportJobsListOptions;
import com.azure.digitaltwins.core.implementation.models.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /jobs/imports}: the job resource, driven by the SDK's generated jobs client, and what a job imports. */
class ImportJobsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path files;

    private AdtEmulator emulator;
    private DigitalTwinsClient client;
    private SdkImportJobs jobs;
    private final AtomicInteger inputs = new AtomicInteger();

    @BeforeEach
    void start() {
        emulator = TestEmulators.start();
        client = SdkClients.sync(emulator);
        jobs = new SdkImportJobs(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void importsModelsTwinsAndRelationshipsAndLogsEachSection() throws IOException {
        // given
        ImportFiles file = ImportFiles.withHeader()
                .section("Models")
                .line(TestModels.ASSET_JSON)
                .line(TestModels.ROOM_JSON)
                .line(TestModels.FLOOR_JSON)
                .line(TestModels.BUILDING_JSON)
                .section("Twins")
                .line("{\"$dtId\": \"b1\", \"$metadata\": {\"$model\": \"" + TestModels.BUILDING
                        + "\"}, \"floors\": 2}")
                .line("{\"$dtId\": \"f1\", \"$metadata\": {\"$model\": \"" + TestModels.FLOOR + "\"}, \"level\": 1}")
                .section("Relationships")
                .line("{\"$dtId\": \"b1\", \"$relationshipId\": \"r1\", \"$targetId\": \"f1\","
                        + " \"$relationshipName\": \"contains\", \"since\": \"2020-01-01\"}");

        // when
        ImportJob created = jobs.create("import-1", input(file), output("import-1.log"));
        ImportJob ended = jobs.awaitEnd("import-1");

        // then
        assertThat(created.getStatus()).isEqualTo(Status.NOTSTARTED);
        assertThat(created.getCreatedDateTime()).isNotNull();
        assertThat(created.getPurgeDateTime()).isAfter(created.getCreatedDateTime());
        assertThat(created.getFinishedDateTime()).isNull();
        assertThat(ended.getStatus()).isEqualTo(Status.SUCCEEDED);
        assertThat(ended.getFinishedDateTime()).isNotNull();
        assertThat(ended.getError()).isNull();
        assertThat(client.getDigitalTwin("b1", BasicDigitalTwin.class).getContents())
                .containsEntry("floors", 2);
        assertThat(client.getRelationship("b1", "r1", BasicRelationship.class).getProperties())
                .containsEntry("since", "2020-01-01");
        List<JsonNode> log = log("import-1.log");
        assertThat(log).allSatisfy(entry -> {
            assertThat(entry.get("jobId").asText()).isEqualTo("import-1");
            assertThat(entry.get("jobType").asText()).isEqualTo("Import");
            assertThat(entry.get("logType").asText()).isEqualTo("Info");
            assertThat(entry.get("timestamp").asText()).isNotBlank();
        });
        assertThat(log.stream().map(entry -> entry.get("details").toString()))
                .containsExactly(
                        "{\"status\":\"Started\"}",
                        "{\"section\":\"Models\",\"status\":\"Started\"}",
                        "{\"section\":\"Models\",\"status\":\"Succeeded\"}",
                        "{\"section\":\"Twins\",\"status\":\"Started\"}",
                        "{\"section\":\"Twins\",\"status\":\"Succeeded\"}",
                        "{\"section\":\"Relationships\",\"status\":\"Started\"}",
                        "{\"section\":\"Relationships\",\"status\":\"Succeeded\"}",
                        "{\"status\":\"Succeeded\"}");
    }

    @Test
    void refusedLinesAreLoggedWithTheirLineNumbersWhileTheOtherLinesAreImported() throws IOException {
        // given models already uploaded, and a file with a bad twin, a twin without id, a line that is not JSON and
        // a relationship to a twin of the wrong model
        client.createModels(TestModels.all());
        ImportFiles file = ImportFiles.withHeader()
                .section("Twins")
                .line("{\"$dtId\": \"b1\", \"$metadata\": {\"$model\": \"" + TestModels.BUILDING + "\"}}")
                .line("{\"$dtId\": \"r1\", \"$metadata\": {\"$model\": \"" + TestModels.ROOM + "\"}}");
        int unknownProperty = file.nextLineNumber();
        file.line("{\"$dtId\": \"b2\", \"$metadata\": {\"$model\": \"" + TestModels.BUILDING + "\"}, \"colour\": 1}");
        int noId = file.nextLineNumber();
        file.line("{\"$metadata\": {\"$model\": \"" + TestModels.BUILDING + "\"}}");
        int notJson = file.nextLineNumber();
        file.line("{\"$dtId\": \"b3\", ").section("Relationships");
        int wrongTarget = file.nextLineNumber();
        file.line("{\"$dtId\": \"b1\", \"$relationshipId\": \"x\", \"$targetId\": \"r1\","
                + " \"$relationshipName\": \"contains\"}");

        // when
        jobs.create("partial", input(file), output("partial.log"));
        ImportJob ended = jobs.awaitEnd("partial");

        // then the good twins are there, the job failed with the first refusal's code, and each refusal is logged
        assertThat(client.getDigitalTwin("r1", BasicDigitalTwin.class).getId()).isEqualTo("r1");
        assertThat(ended.getStatus()).isEqualTo(Status.FAILED);
        assertThat(ended.getError().getCode()).isEqualTo("ValidationFailed");
        assertThat(ended.getError().getMessage()).contains("3 of 5 twins", "1 of 1 relationships");
        List<JsonNode> errors = log("partial.log").stream()
                .filter(entry -> entry.get("logType").asText().equals("Error"))
                .toList();
        assertThat(errors)
                .extracting(e -> e.at("/details/line").asInt())
                .contains(unknownProperty, noId, notJson, wrongTarget);
        assertThat(errors).anySatisfy(e -> assertThat(e.get("details").toString())
                .contains("\"line\":" + unknownProperty, "\"exceptionType\":\"ValidationFailed\"", "colour"));
        assertThat(errors).anySatisfy(e -> assertThat(e.get("details").toString())
                .contains("\"line\":" + noId, "UnsupportedFileFormat", "$dtId"));
        assertThat(errors).anySatisfy(e -> assertThat(e.get("details").toString())
                .contains("\"line\":" + notJson, "UnsupportedFileFormat", "not valid JSON"));
        assertThat(errors).anySatisfy(e -> assertThat(e.get("details").toString())
                .contains("\"line\":" + wrongTarget, "InvalidRelationship", TestModels.FLOOR));
        assertThat(errors).anySatisfy(e -> assertThat(e.get("details").toString())
                .isEqualTo("{\"section\":\"Twins\",\"status\":\"Failed\"}"));
    }

    @Test
    void aModelsSectionWithInvalidDtdlAddsNoModelAndStopsTheJob() throws IOException {
        // given a valid model, a model with an unknown schema, and a twin after them
        ImportFiles file = ImportFiles.withHeader().section("Models").line(TestModels.ASSET_JSON);
        int broken = file.nextLineNumber();
        file.line("{\"@id\": \"dtmi:test:Broken;1\", \"@type\": \"Interface\", \"@context\": \"dtmi:dtdl:context;3\","
                        + " \"contents\": [{\"@type\": \"Property\", \"name\": \"x\", \"schema\": \"text\"}]}")
                .section("Twins")
                .line("{\"$dtId\": \"a1\", \"$metadata\": {\"$model\": \"" + TestModels.ASSET + "\"}}");

        // when
        jobs.create("bad-models", input(file), output("bad-models.log"));
        ImportJob ended = jobs.awaitEnd("bad-models");

        // then
        assertThat(ended.getStatus()).isEqualTo(Status.FAILED);
        assertThat(ended.getError().getCode()).isEqualTo("DTDLParsingError");
        assertThat(client.listModels()).isEmpty();
        assertAdtError(() -> client.getDigitalTwin("a1", BasicDigitalTwin.class), 404, "DigitalTwinNotFound");
        assertThat(log("bad-models.log").stream()
                        .map(entry -> entry.get("details").toString()))
                .anySatisfy(details -> assertThat(details).contains("\"line\":" + broken, "DTDLParsingError", "text"))
                .contains("{\"section\":\"Models\",\"status\":\"Failed\"}", "{\"status\":\"Failed\"}")
                .noneMatch(details -> details.contains("Twins"));
    }

    @Test
    void aFileThatDoesNotStartWithAHeaderFailsTheJob() throws IOException {
        // given
        Path file = Files.writeString(files.resolve("no-header.ndjson"), "{\"Section\": \"Twins\"}\n");

        // when
        jobs.create("no-header", file.toUri().toString(), output("no-header.log"));
        ImportJob ended = jobs.awaitEnd("no-header");

        // then
        assertThat(ended.getStatus()).isEqualTo(Status.FAILED);
        assertThat(ended.getError().getCode()).isEqualTo("UnsupportedFileFormat");
        assertThat(ended.getError().getMessage()).contains("Header");
        assertThat(log("no-header.log").get(1).at("/details/line").asInt()).isEqualTo(1);
    }

    @Test
    void anUnreadableInputFailsTheJobAndTheLogSaysWhy() throws IOException {
        // when
        jobs.create("missing", files.resolve("absent.ndjson").toUri().toString(), output("missing.log"));
        ImportJob ended = jobs.awaitEnd("missing");

        // then
        assertThat(ended.getStatus()).isEqualTo(Status.FAILED);
        assertThat(ended.getError().getCode()).isEqualTo("ValidationFailed");
        assertThat(ended.getError().getMessage()).contains("absent.ndjson");
        assertThat(log("missing.log").stream().map(JsonNode::toString))
                .anySatisfy(line -> assertThat(line).contains("absent.ndjson"));
    }

    @Test
    void onlyOneJobIsActiveAtATime() throws Exception {
        // given a job held while it reads its input
        try (BlockingBlobServer blobs =
                new BlockingBlobServer(ImportFiles.withHeader().bytes())) {
            jobs.create("first", blobs.url("/input.ndjson"), blobs.url("/first.log"));
            blobs.awaitReader();

            // when / then
            assertAdtError(
                    () -> jobs.create("second", blobs.url("/input.ndjson"), blobs.url("/second.log")),
                    400,
                    "JobLimitReached",
                    "first");
            assertAdtError(() -> jobs.api().deleteAsync("first", null).block(), 400, "ValidationFailed", "cancel");
            blobs.release();
            assertThat(jobs.awaitEnd("first").getStatus()).isEqualTo(Status.SUCCEEDED);
            assertThat(jobs.create("second", blobs.url("/input.ndjson"), blobs.url("/second.log"))
                            .getStatus())
                    .isEqualTo(Status.NOTSTARTED);
        }
    }

    @Test
    void aCancelledJobStopsEndsCancelledAndCanThenBeDeleted() throws Exception {
        // given a running job
        byte[] input = ImportFiles.withHeader()
                .section("Models")
                .line(TestModels.ASSET_JSON)
                .bytes();
        try (BlockingBlobServer blobs = new BlockingBlobServer(input)) {
            jobs.create("to-cancel", blobs.url("/input.ndjson"), blobs.url("/cancel.log"));
            blobs.awaitReader();

            // when
            ImportJob cancelling = jobs.api().cancelAsync("to-cancel", null).block();
            blobs.release();
            ImportJob ended = jobs.awaitEnd("to-cancel");

            // then
            assertThat(cancelling.getStatus()).isEqualTo(Status.CANCELLING);
            assertThat(ended.getStatus()).isEqualTo(Status.CANCELLED);
            assertThat(ended.getFinishedDateTime()).isNotNull();
            assertThat(client.listModels()).isEmpty();
            assertThat(new String(blobs.written("/cancel.log"), StandardCharsets.UTF_8))
                    .contains("{\"status\":\"Cancelled\"}");
            jobs.api().deleteAsync("to-cancel", null).block();
            assertAdtError(() -> jobs.get("to-cancel"), 404, "ImportJobNotFound", "to-cancel");
        }
    }

    @Test
    void cancellingAJobThatHasEndedIsRefused() throws IOException {
        // given
        jobs.create("done", input(ImportFiles.withHeader()), output("done.log"));
        jobs.awaitEnd("done");

        // when / then
        assertAdtError(() -> jobs.api().cancelAsync("done", null).block(), 400, "ValidationFailed", "succeeded");
    }

    @Test
    void listsJobsInCreationOrderAcrossPages() throws IOException {
        // given three jobs, one after the other
        String input = input(ImportFiles.withHeader());
        for (String id : List.of("job-c", "job-a", "job-b")) {
            jobs.create(id, input, output(id + ".log"));
            jobs.awaitEnd(id);
        }

        // when
        List<PagedResponse<ImportJob>> pages = jobs.api()
                .listAsync(new ImportJobsListOptions().setMaxItemsPerPage(2), com.azure.core.util.Context.NONE)
                .byPage()
                .collectList()
                .block();

        // then
        assertThat(pages).hasSize(2);
        assertThat(pages.stream().flatMap(page -> page.getValue().stream()).map(ImportJob::getId))
                .containsExactly("job-c", "job-a", "job-b");
    }

    @Test
    void theWireShapeLeavesOutUnsetFieldsAndErrorsCarryTheirCodes() throws Exception {
        // given
        HttpClient http = HttpClient.newBuilder()
                .sslContext(emulator.trustingSslContext())
                .build();
        String body = "{\"inputBlobUri\": \"" + input(ImportFiles.withHeader()) + "\", \"outputBlobUri\": \""
                + output("raw.log") + "\"}";

        // when
        HttpResponse<String> created = send(http, "PUT", "/jobs/imports/raw", body);
        HttpResponse<String> missingField = send(http, "PUT", "/jobs/imports/other", "{\"inputBlobUri\": \"x\"}");
        HttpResponse<String> unknown = send(http, "GET", "/jobs/imports/nobody", null);

        // then
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode job = JSON.readTree(created.body());
        assertThat(job.get("status").asText()).isEqualTo("notstarted");
        assertThat(job.has("finishedDateTime")).isFalse();
        assertThat(job.has("error")).isFalse();
        assertThat(missingField.statusCode()).isEqualTo(400);
        assertThat(missingField.headers().firstValue("x-ms-error-code")).contains("ValidationFailed");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("x-ms-error-code")).contains("ImportJobNotFound");
        jobs.awaitEnd("raw");
        assertAdtError(() -> jobs.create("raw", "file:/x", "file:/y"), 400, "ValidationFailed", "already exists");
    }

    @Test
    void jobRequestsAreCountedInTheStats() throws IOException {
        // given
        EmulatorStats before = emulator.stats();

        // when
        jobs.create("counted", input(ImportFiles.withHeader()), output("counted.log"));
        jobs.awaitEnd("counted");

        // then
        EmulatorStats delta = emulator.stats().since(before);
        assertThat(delta.count("importjobs.put")).isEqualTo(1);
        assertThat(delta.count("importjobs.get")).isPositive();
    }

    private String input(ImportFiles file) {
        return file.writeTo(files.resolve("input-" + inputs.incrementAndGet() + ".ndjson"))
                .toUri()
                .toString();
    }

    private String output(String name) {
        return files.resolve("logs").resolve(name).toUri().toString();
    }

    private List<JsonNode> log(String name) throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : Files.readAllLines(files.resolve("logs").resolve(name))) {
            entries.add(JSON.readTree(line));
        }
        return entries;
    }

    private HttpResponse<String> send(HttpClient http, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.endpoint() + path + "?api-version=2023-10-31"))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
