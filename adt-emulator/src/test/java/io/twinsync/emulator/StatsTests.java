package io.twinsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatsTests {

    private AdtEmulator emulator;
    private DigitalTwinsClient client;

    @BeforeEach
    void start() {
        emulator = TestEmulators.start();
        client = SdkClients.sync(emulator);
        client.createModels(TestModels.all());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void countsRequestsByOperationAndStatus() {
        // when
        client.createOrReplaceDigitalTwin("a", asset("a"), BasicDigitalTwin.class);
        client.getDigitalTwin("a", BasicDigitalTwin.class);
        client.getDigitalTwin("a", BasicDigitalTwin.class);
        try {
            client.getDigitalTwin("missing", BasicDigitalTwin.class);
        } catch (RuntimeException expected) {
            // a 404 counts like any other request
        }

        // then
        EmulatorStats stats = emulator.stats();
        assertThat(stats.count("models.post")).isEqualTo(1);
        assertThat(stats.count("twins.put")).isEqualTo(1);
        assertThat(stats.count("twins.get")).isEqualTo(3);
        assertThat(stats.countStatus(404)).isEqualTo(1);
        assertThat(stats.total()).isEqualTo(5);
        assertThat(stats.twinWrites()).isEqualTo(1);
    }

    @Test
    void aDeltaShowsOnlyWhatHappenedSinceASnapshot() {
        // given
        client.createOrReplaceDigitalTwin("a", asset("a"), BasicDigitalTwin.class);
        EmulatorStats before = emulator.stats();

        // when only reads follow
        client.getDigitalTwin("a", BasicDigitalTwin.class);

        // then
        EmulatorStats delta = emulator.stats().since(before);
        assertThat(delta.twinWrites()).isZero();
        assertThat(delta.count("twins.get")).isEqualTo(1);
        assertThat(delta.total()).isEqualTo(1);
    }

    @Test
    void resetStartsCountingAgain() {
        // when
        emulator.resetStats();

        // then
        assertThat(emulator.stats().total()).isZero();
        assertThat(emulator.stats().operations()).isEmpty();
    }

    private static BasicDigitalTwin asset(String id) {
        return new BasicDigitalTwin(id).setMetadata(new BasicDigitalTwinMetadata().setModelId(TestModels.ASSET));
    }
}
