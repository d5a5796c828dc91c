package io.twinsync.orchestrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.writer.Partition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The partition list a batch handed to Data Factory carries: every twin file in exactly one partition, each partition
 * with the task settings the processes back-end would give its task, and the same list as the Custom activity's
 * {@code outputs.json} when twinsync runs on an Azure Batch node.
 */
class PartitionListTests {

    @TempDir
    Path root;

    @Test
    void thePartitionListCountsEveryTwinFileOnceAndIsTheActivitysOutputsOnABatchNode() throws IOException {
        // given a batch of 40 twin files, and twinsync running as a Custom activity (Azure Batch sets its folder)
        Batch batch = new LocalStagingStore(root.resolve("staging")).createBatch(BatchId.newId(Instant.now()));
        for (int i = 1; i <= 40; i++) {
            try (StagedOutput out = batch.create(BatchLayout.twinFile("pump-" + i))) {
                out.write("{}".getBytes(StandardCharsets.UTF_8));
                out.commit();
            }
        }
        TwinsyncProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                        "twinsync.home", root.toString(),
                        "twinsync.target.endpoint", "https://plant.api.weu.digitaltwins.azure.net",
                        "twinsync.writer.backend", "data-factory",
                        "twinsync.writer.rate-share", "0.8",
                        "twinsync.writer.concurrency", "30")))
                .bind("twinsync", TwinsyncProperties.class)
                .get();
        Path workingDir = root.resolve("wd");
        Files.createDirectories(workingDir);
        DataFactoryHandOff handOff = new DataFactoryHandOff(
                properties,
                new TwinGraphTarget(properties),
                name -> DataFactoryHandOff.TASK_WORKING_DIR.equals(name) ? workingDir.toString() : null);

        // when it hands the batch off in 4 partitions
        handOff.handOff(batch, 4, false);

        // then every file is counted once, in the partition the task's --partition cuts it into
        JsonNode list;
        try (InputStream in = batch.open(DataFactoryHandOff.PARTITIONS_FILE)) {
            list = StagingJson.mapper().readTree(in);
        }
        assertThat(list.path("partitions")).hasSize(4);
        long counted = 0;
        for (JsonNode item : list.path("partitions")) {
            counted += item.path("twinFiles").asLong();
        }
        assertThat(counted).isEqualTo(40);
        IntStream.rangeClosed(1, 4).forEach(i -> {
            Partition partition = new Partition(i, 4);
            JsonNode item = list.path("partitions").get(i - 1);
            long expected = IntStream.rangeClosed(1, 40)
                    .filter(n -> partition.contains(BatchLayout.twinFile("pump-" + n)))
                    .count();
            assertThat(item.path("name").asText()).isEqualTo(partition.fileName());
            assertThat(item.path("twinFiles").asLong()).isEqualTo(expected);
            // and each task gets its share: a quarter of the rate budget and of the requests in flight
            JsonNode settings = item.path("extendedProperties");
            assertThat(settings.path("partition").asText()).isEqualTo(i + "/4");
            assertThat(settings.path("rateShare").asDouble()).isEqualTo(0.2);
            assertThat(settings.path("concurrency").asInt()).isEqualTo(8);
            assertThat(settings.path("endpoint").asText()).isEqualTo("https://plant.api.weu.digitaltwins.azure.net");
            assertThat(settings.path("batch").asText()).isEqualTo(batch.location());
            assertThat(settings.has("phase")).isFalse();
        });
        assertThat(list.path("then").asText()).isEqualTo("twinsync run --resume " + batch.id());
        // and the same list is the activity's outputs.json, for the pipeline's ForEach
        assertThat(StagingJson.mapper()
                        .readTree(workingDir.resolve("outputs.json").toFile()))
                .isEqualTo(list);
    }
}
