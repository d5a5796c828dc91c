package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.orchestrator.TwinsyncProcesses.Result;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A many-to-many link table synced as relationships: assets and tags, and {@code asset_tag(asset_id, tag_id, since,
 * role, removed)} mapped as a link entity read whole ({@link LinkTableHome}), through twinsync processes into a
 * standalone emulator whose graph is read back whole. The steps build on each other, so they run in order against
 * one home, database and emulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkTableSyncIntegrationTests {

    private LinkTableHome links;
    private GraphDump firstSync;

    @BeforeAll
    void homeDatabaseAndEmulator(@TempDir Path dir) throws Exception {
        links = LinkTableHome.create(dir, mapping -> mapping);
    }

    @AfterAll
    void stopEmulator() {
        if (links != null) {
            links.close();
        }
    }

    @Test
    @Order(1)
    void aFirstSyncCreatesOneRelationshipPerLinkRowWithItsProperties() throws Exception {
        // when the assets, tags and their links are synced into an empty emulator
        Result run = links.run("run");

        // then every asset and tag is a twin and every link row a taggedWith relationship from its asset
        TwinsyncProcesses.assertOk(run);
        firstSync = graph();
        assertThat(firstSync.twins()).hasSize(4 + 3);
        assertThat(firstSync.relationships())
                .containsOnlyKeys(
                        "asset-PMP-1/taggedWith-tag-ATEX",
                        "asset-PMP-1/taggedWith-tag-CRIT",
                        "asset-PMP-2/taggedWith-tag-ATEX",
                        "asset-VLV-1/taggedWith-tag-CRIT",
                        "asset-VLV-1/taggedWith-tag-OUTD",
                        "asset-VLV-2/taggedWith-tag-OUTD");
        // and each carries its row's columns as properties, a NULL leaving one out
        JsonNode primary = relationship(firstSync, "asset-PMP-1/taggedWith-tag-ATEX");
        assertThat(primary.path("$targetId").asText()).isEqualTo("tag-ATEX");
        assertThat(primary.path("$relationshipName").asText()).isEqualTo("taggedWith");
        assertThat(primary.path("since").asText()).isEqualTo("2024-01-15");
        assertThat(primary.path("role").asText()).isEqualTo("primary");
        assertThat(relationship(firstSync, "asset-VLV-1/taggedWith-tag-CRIT").has("since"))
                .isFalse();
        BatchManifest manifest = CliRun.latestManifest(links.home());
        assertThat(manifest.extract().rowsByEntity()).containsEntry("asset-tag", 6L);
        assertThat(manifest.transform().relationships()).isEqualTo(6);
        assertThat(manifest.write().relationships().created()).isEqualTo(6);
    }

    @Test
    @Order(2)
    void aSecondSyncWithNothingChangedSendsNoRelationshipWrites() throws Exception {
        // when nothing changed in the source
        Result run = links.run("run");

        // then no twin and no relationship is written, and the graph is as it was
        TwinsyncProcesses.assertOk(run);
        BatchManifest manifest = CliRun.latestManifest(links.home());
        assertThat(manifest.write().relationships().created()
                        + manifest.write().relationships().patched()
                        + manifest.write().relationships().deleted())
                .isZero();
        assertThat(manifest.write().relationships().unchanged()).isEqualTo(6);
        assertThat(manifest.write().twins().unchanged()).isEqualTo(7);
        assertThat(graph()).isEqualTo(firstSync);
    }

    @Test
    @Order(3)
    void aDeletedLinkRowDeletesItsRelationshipAndAChangedOnePatchesItWithTheTwinsUntouched() throws Exception {
        // given one link row deleted, one flagged removed, and one whose role changed
        TwinsyncProcesses.sql(
                links.sourceUrl(),
                "DELETE FROM asset_tag WHERE asset_id = 1 AND tag_id = 2",
                "UPDATE asset_tag SET removed = 1 WHERE asset_id = 3 AND tag_id = 3",
                "UPDATE asset_tag SET role = 'backup' WHERE asset_id = 2 AND tag_id = 1");

        // when synced
        Result run = links.run("run");

        // then those two relationships are gone, the changed one is patched, and every twin is as it was
        TwinsyncProcesses.assertOk(run);
        GraphDump after = graph();
        assertThat(after.relationships())
                .containsOnlyKeys(
                        "asset-PMP-1/taggedWith-tag-ATEX",
                        "asset-PMP-2/taggedWith-tag-ATEX",
                        "asset-VLV-1/taggedWith-tag-CRIT",
                        "asset-VLV-2/taggedWith-tag-OUTD");
        assertThat(relationship(after, "asset-PMP-2/taggedWith-tag-ATEX")
                        .path("role")
                        .asText())
                .isEqualTo("backup");
        assertThat(after.twins()).isEqualTo(firstSync.twins());
        BatchManifest manifest = CliRun.latestManifest(links.home());
        assertThat(manifest.write().relationships().deleted()).isEqualTo(2);
        assertThat(manifest.write().relationships().patched()).isEqualTo(1);
        assertThat(manifest.write().relationships().created()).isZero();
        assertThat(manifest.write().twins().created()
                        + manifest.write().twins().patched()
                        + manifest.write().twins().deleted())
                .isZero();
        assertThat(manifest.transform().rowsRejected()).isZero();
    }

    private GraphDump graph() {
        return links.graph();
    }

    private static JsonNode relationship(GraphDump graph, String key) throws IOException {
        return StagingJson.mapper().readTree(graph.relationships().get(key));
    }
}
