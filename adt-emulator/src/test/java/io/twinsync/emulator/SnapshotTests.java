package io.twinsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.models.DigitalTwinsModelData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTests {

    @TempDir
    Path dir;

    @Test
    void modelsTwinsAndRelationshipsSurviveARestart() {
        // given
        Path snapshot = dir.resolve("snapshot.json");
        String etag;
        try (AdtEmulator first = TestEmulators.builder().snapshotFile(snapshot).start()) {
            DigitalTwinsClient client = SdkClients.sync(first);
            client.createModels(TestModels.all());
            client.decommissionModel(TestModels.PLANT);
            etag = client.createOrReplaceDigitalTwin(
                            "b", twin("b", TestModels.BUILDING).addToContents("floors", 4), BasicDigitalTwin.class)
                    .getETag();
            client.createOrReplaceDigitalTwin("f", twin("f", TestModels.FLOOR), BasicDigitalTwin.class);
            client.createOrReplaceRelationship(
                    "b", "r", new BasicRelationship("r", "b", "f", "contains"), BasicRelationship.class);
        }

        // when
        try (AdtEmulator second = TestEmulators.builder().snapshotFile(snapshot).start()) {
            DigitalTwinsClient client = SdkClients.sync(second);

            // then
            assertThat(client.listModels())
                    .extracting(DigitalTwinsModelData::getModelId)
                    .hasSize(6);
            assertThat(client.getModel(TestModels.PLANT).isDecommissioned()).isTrue();
            BasicDigitalTwin building = client.getDigitalTwin("b", BasicDigitalTwin.class);
            assertThat(building.getETag()).isEqualTo(etag);
            assertThat(building.getContents()).containsEntry("floors", 4);
            assertThat(client.getRelationship("b", "r", BasicRelationship.class).getTargetId())
                    .isEqualTo("f");
            assertThat(client.listIncomingRelationships("f")).hasSize(1);
        }
    }

    @Test
    void saveSnapshotWritesTheFileAtomically() throws Exception {
        // given
        Path snapshot = dir.resolve("state").resolve("snapshot.json");
        try (AdtEmulator emulator =
                TestEmulators.builder().snapshotFile(snapshot).start()) {
            SdkClients.sync(emulator).createModels(TestModels.all());

            // when
            emulator.saveSnapshot();

            // then
            assertThat(Files.readString(snapshot)).contains("\"formatVersion\"", TestModels.BUILDING);
            try (var files = Files.list(snapshot.getParent())) {
                assertThat(files).containsExactly(snapshot);
            }
        }
    }

    @Test
    void reusesTheCertificateKeptInTheTlsDirectory() throws Exception {
        // given
        Path tls = dir.resolve("tls");
        X509Certificate first;
        try (AdtEmulator emulator = AdtEmulator.builder().tlsDirectory(tls).start()) {
            first = emulator.certificate();
            assertThat(emulator.certificatePemFile())
                    .contains(tls.resolve("emulator-cert.pem").toAbsolutePath());
        }

        // when
        try (AdtEmulator emulator = AdtEmulator.builder().tlsDirectory(tls).start()) {

            // then
            assertThat(emulator.certificate()).isEqualTo(first);
            assertThat(Files.readString(tls.resolve("emulator-cert.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(SdkClients.sync(emulator).listModels()).isEmpty();
        }
    }

    private static BasicDigitalTwin twin(String id, String model) {
        return new BasicDigitalTwin(id).setMetadata(new BasicDigitalTwinMetadata().setModelId(model));
    }
}
