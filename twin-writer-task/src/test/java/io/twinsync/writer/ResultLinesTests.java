package io.twinsync.writer;

import static io.twinsync.writer.support.TestBatches.batch;
import static io.twinsync.writer.support.TestBatches.pump;
import static io.twinsync.writer.support.TestBatches.site;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.writer.report.RequestTimeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the batch report reads from a write: the entity and time of each result line, and requests per second. */
class ResultLinesTests {

    @TempDir
    Path root;

    private AdtEmulator emulator;
    private DigitalTwinsClient client;
    private LocalStagingStore store;

    @BeforeEach
    void startEmulator() {
        emulator = AdtEmulator.builder().port(0).start();
        client = AdtClients.create(
                AdtTarget.emulator(emulator.endpoint(), emulator.certificate()), WriterSettings.defaults());
        store = new LocalStagingStore(root);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void eachResultLineNamesItsEntityAndWhenItWasDone() throws IOException {
        // given a site with two pumps (the relationships are the site file's)
        Batch batch = batch(store, site("site-1", "pump-1", "pump-2"), pump("pump-1", 1200), pump("pump-2", 900));
        Instant before = Instant.now();

        // when it is written
        new TwinWriter(client, store, "emulator", WriterSettings.defaults()).write(batch, Partition.ALL);
        Instant after = Instant.now();

        // then every line says its twin file's entity and a time within the write
        List<JsonNode> lines = lines(batch, BatchLayout.resultsFile(Partition.ALL.fileName()));
        assertThat(lines).hasSize(5);
        assertThat(lines)
                .filteredOn(line -> line.path("kind").asText().equals("twin"))
                .extracting(line ->
                        line.path("id").asText() + "=" + line.path("entity").asText())
                .containsExactlyInAnyOrder("site-1=Site", "pump-1=Pump", "pump-2=Pump");
        assertThat(lines)
                .filteredOn(line -> line.path("kind").asText().equals("relationship"))
                .extracting(line -> line.path("entity").asText())
                .containsExactly("Site", "Site");
        assertThat(lines)
                .allSatisfy(line -> assertThat(Instant.parse(line.path("at").asText()))
                        .isBetween(before.truncatedTo(ChronoUnit.MILLIS), after));
    }

    @Test
    void theRequestsOfAWriteAreCountedPerSecondBesideItsResults() {
        // given
        Batch batch = batch(store, site("site-1", "pump-1"), pump("pump-1", 1200));

        // when
        WriteReport report =
                new TwinWriter(client, store, "emulator", WriterSettings.defaults()).write(batch, Partition.ALL);

        // then the seconds add up to the requests the summary counts, with no 429 from an idle emulator
        RequestTimeline timeline = RequestTimeline.read(batch, RequestTimeline.path(Partition.ALL.fileName()));
        assertThat(timeline.seconds()).isNotEmpty();
        assertThat(timeline.seconds().stream()
                        .mapToLong(RequestTimeline.Second::requests)
                        .sum())
                .isEqualTo(report.summary().requests())
                .isEqualTo(emulator.stats().total());
        assertThat(timeline.seconds().stream()
                        .mapToLong(RequestTimeline.Second::throttled)
                        .sum())
                .isZero();
    }

    private static List<JsonNode> lines(Batch batch, String path) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (InputStream in = batch.open(path)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList()) {
                lines.add(StagingJson.mapper().readTree(line));
            }
        }
        return lines;
    }
}
