package io.twinsync.transform.importfile;

import static io.twinsync.transform.importfile.ImportTestBatches.ASSET;
import static io.twinsync.transform.importfile.ImportTestBatches.BUILDING;
import static io.twinsync.transform.importfile.ImportTestBatches.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.limits.RateLimits;
import io.twinsync.staging.Batch;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.transform.TestBatches;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import file, run through the emulator's import job: what comes back is what the twin files hold. */
class ImportFileEmulatorTests {

    private static final String API_VERSION = "?api-version=2023-10-31";
    private static final Set<String> ENDED = Set.of("succeeded", "failed", "cancelled");

    @TempDir
    Path staging;

    @TempDir
    Path jobFiles;

    AdtEmulator emulator;
    HttpClient http;

    @BeforeEach
    void startEmulator() {
        emulator = AdtEmulator.builder()
                .tlsDirectory(Path.of("target", "test-tls"))
                .rateLimits(RateLimits.unlimited())
                .start();
        http = HttpClient.newBuilder().sslContext(emulator.trustingSslContext()).build();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void anImportJobOfTheFileCreatesEveryTwinAndRelationshipAsTheTwinFilesSayAndLeavesOutTombstones() throws Exception {
        // given a transformed batch with models, twins, relationships and a tombstone, written as an import file
        Batch batch = TestBatches.newBatch(staging);
        ImportTestBatches.models(batch, ASSET, BUILDING, SITE);
        ImportTestBatches.twin(
                batch,
                "{\"$dtId\":\"building-1\",\"$metadata\":{\"$model\":\"dtmi:test:Building;1\"},"
                        + "\"name\":\"B1\",\"floors\":3}");
        ImportTestBatches.twin(
                batch,
                "{\"$dtId\":\"building-2\",\"$metadata\":{\"$model\":\"dtmi:test:Building;1\"}," + "\"floors\":2}");
        ImportTestBatches.twin(
                batch,
                "{\"$dtId\":\"site-1\",\"$metadata\":{\"$model\":\"dtmi:test:Site;1\"},\"name\":\"Rotterdam\","
                        + "\"area\":1200.5}",
                "{\"$relationshipId\":\"contains-building-1\",\"$targetId\":\"building-1\","
                        + "\"$relationshipName\":\"contains\",\"since\":\"2020-01-01\"}",
                "{\"$relationshipId\":\"contains-building-2\",\"$targetId\":\"building-2\","
                        + "\"$relationshipName\":\"contains\"}");
        ImportTestBatches.tombstone(
                batch, "{\"$dtId\":\"building-9\",\"$metadata\":{\"$model\":\"dtmi:test:Building;1\"}}");
        new ImportFileWriter("Contoso").write(batch);
        Path input = Files.copy(
                Path.of(batch.location()).resolve(ImportFileWriter.IMPORT_FILE), jobFiles.resolve("import.ndjson"));
        Path output = jobFiles.resolve("import.log");

        // when
        JsonNode job = runImportJob("first-load", input, output);

        // then the job succeeded, and each twin and relationship reads back as its twin file holds it
        assertThat(job.path("status").asText())
                .as("job %s, log:%n%s", job, Files.exists(output) ? Files.readString(output) : "(none)")
                .isEqualTo("succeeded");
        for (TwinFile file : TestBatches.twinFiles(batch)) {
            if (file.tombstone()) {
                assertThat(get("/digitaltwins/" + file.twinId()).statusCode()).isEqualTo(404);
                continue;
            }
            assertThat(withoutBookkeeping(json(get("/digitaltwins/" + file.twinId()))))
                    .isEqualTo(file.twin());
            assertThat(relationshipsOf(file.twinId())).containsExactlyInAnyOrderElementsOf(file.relationships());
        }
    }

    private JsonNode runImportJob(String id, Path input, Path output) throws Exception {
        ObjectNode body = StagingJson.mapper()
                .createObjectNode()
                .put("inputBlobUri", input.toUri().toString())
                .put("outputBlobUri", output.toUri().toString());
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/jobs/imports/" + id))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode job = json(created);
        while (!ENDED.contains(job.path("status").asText()) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(20);
            job = json(get("/jobs/imports/" + id));
        }
        return job;
    }

    private List<JsonNode> relationshipsOf(String twinId) throws Exception {
        List<JsonNode> relationships = new ArrayList<>();
        for (JsonNode relationship :
                json(get("/digitaltwins/" + twinId + "/relationships")).path("value")) {
            ObjectNode copy = ((ObjectNode) relationship).deepCopy();
            copy.remove(List.of("$etag", "$sourceId"));
            relationships.add(copy);
        }
        return relationships;
    }

    /** The twin as the service returns it, less what the service adds: the ETag and last-update times. */
    private static JsonNode withoutBookkeeping(JsonNode twin) {
        ObjectNode copy = ((ObjectNode) twin).deepCopy();
        copy.remove("$etag");
        copy.putObject("$metadata").put("$model", twin.at("/$metadata/$model").asText());
        return copy;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(
                request.header("Authorization", "Bearer emulator").build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(emulator.endpoint() + path + API_VERSION);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return StagingJson.mapper().readTree(response.body());
    }
}
