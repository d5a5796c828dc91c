package io.twinsync.writer.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.emulator.AdtEmulator;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.writer.support.TestBatches;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task's command line against the ADT emulator. */
class TwinWriterTaskEmulatorTests {

    @TempDir
    Path root;

    private AdtEmulator emulator;
    private Path pem;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startEmulator() throws Exception {
        emulator = AdtEmulator.builder().port(0).start();
        pem = root.resolve("emulator.pem");
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(emulator.certificate().getEncoded());
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void writesTheBatchRecordsTheSummaryInTheManifestAndExitsWithZero() {
        // given
        Batch batch = TestBatches.batch(
                new LocalStagingStore(root.resolve("staging")),
                TestBatches.site("site-1", "pump-1"),
                TestBatches.pump("pump-1", 1200));

        // when
        int code = run(batch, "1/1");

        // then
        assertThat(code).as(err.toString()).isZero();
        assertThat(BatchManifests.read(batch).write().twins()).isEqualTo(new OutcomeCounts(2, 0, 0, 0, 0));
        assertThat(out.toString()).contains("twins:").contains("created 2");
        assertThat(root.resolve("staging/state/writer/" + "localhost-"
                        + emulator.endpoint().getPort() + "/known-twins.ndjson"))
                .exists();
    }

    @Test
    void exitsWithThreeAndListsTheFailuresWhenARelationshipFails() {
        // given
        Batch batch =
                TestBatches.batch(new LocalStagingStore(root.resolve("staging")), TestBatches.site("site-1", "pump-9"));

        // when
        int code = run(batch, "1/1");

        // then
        assertThat(code).isEqualTo(3);
        assertThat(out.toString()).contains("failed: relationship site-1-contains-pump-9 TargetTwinNotFound");
    }

    @Test
    void writesAPartitionSummaryBesideItsResultsInsteadOfTheManifest() {
        // given
        Batch batch = TestBatches.batch(new LocalStagingStore(root.resolve("staging")), TestBatches.pump("pump-1", 1));

        // when
        int code = run(batch, "1/2");

        // then
        assertThat(code).as(err.toString()).isZero();
        assertThat(batch.exists(BatchLayout.RESULTS + "part-1-of-2.summary.json"))
                .isTrue();
        assertThat(batch.exists(BatchLayout.MANIFEST)).isFalse();
    }

    private int run(Batch batch, String partition) {
        return TwinWriterTaskMain.run(
                new String[] {
                    "--batch", batch.location(),
                    "--endpoint", emulator.endpoint().toString(),
                    "--trust-certificate", pem.toString(),
                    "--partition", partition
                },
                new PrintWriter(out),
                new PrintWriter(err));
    }
}
