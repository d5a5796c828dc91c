package io.twinsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.models.JsonPatchDocument;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsAsyncClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class AsyncClientTests {

    private static AdtEmulator emulator;
    private static DigitalTwinsAsyncClient client;

    @BeforeAll
    static void start() {
        emulator = TestEmulators.builder().pageSize(3).start();
        client = SdkClients.async(emulator);
        client.createModels(TestModels.all()).block();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void concurrentAsyncWritesAllLand() {
        // given twenty floors and a building, written concurrently
        Flux.range(0, 20)
                .flatMap(
                        i -> client.createOrReplaceDigitalTwin(
                                "f-" + i, twin("f-" + i, TestModels.FLOOR), BasicDigitalTwin.class),
                        8)
                .then(client.createOrReplaceDigitalTwin("b", twin("b", TestModels.BUILDING), BasicDigitalTwin.class))
                .block();

        // when relationships and patches are sent concurrently too
        Flux.range(0, 20)
                .flatMap(
                        i -> client.createOrReplaceRelationship(
                                "b",
                                "r-" + i,
                                new BasicRelationship("r-" + i, "b", "f-" + i, "contains"),
                                BasicRelationship.class),
                        8)
                .blockLast();
        Flux.range(0, 20)
                .flatMap(i -> client.updateDigitalTwin("f-" + i, new JsonPatchDocument().appendAdd("/level", i)), 8)
                .blockLast();

        // then
        List<BasicRelationship> relationships = client.listRelationships("b", BasicRelationship.class)
                .collectList()
                .block();
        assertThat(relationships).hasSize(20);
        BasicDigitalTwin floor =
                client.getDigitalTwin("f-7", BasicDigitalTwin.class).block();
        assertThat(floor.getContents()).containsEntry("level", 7);
    }

    private static BasicDigitalTwin twin(String id, String model) {
        return new BasicDigitalTwin(id).setMetadata(new BasicDigitalTwinMetadata().setModelId(model));
    }
}
