package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.orchestrator.TwinsyncProcesses.Result;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifest;
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
 * The link table of {@link LinkTableHome} read incrementally ({@code watermark: changed_at}): each batch reads only
 * the link rows changed since, and transform merges them with the links of the last committed batch, so links not
 * read again stay, and a flagged row still deletes its relationship. The steps build on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkTableIncrementalSyncIntegrationTests {

    private LinkTableHome links;
    private GraphDump firstSync;

    @BeforeAll
    void homeDatabaseAndEmulator(@TempDir Path dir) throws Exception {
        links = LinkTableHome.create(
                dir,
                mapping -> mapping.replace(
                        "      key: [asset_id, tag_id]\n",
                        "      key: [asset_id, tag_id]\n      watermark: changed_at\n"));
    }

    @AfterAll
    void stopEmulator() {
        if (links != null) {
            links.close();
        }
    }

    @Test
    @Order(1)
    void aFirstSyncReadsTheLinkTableWholeAndCreatesEveryRelationship() throws Exception {
        // when synced into an empty emulator (no watermark yet)
        Result run = links.run("run");

        // then every link row is a relationship
        TwinsyncProcesses.assertOk(run);
        firstSync = links.graph();
        assertThat(firstSync.relationships()).hasSize(6);
        assertThat(latest().write().relationships().created()).isEqualTo(6);
    }

    @Test
    @Order(2)
    void changedLinkRowsAloneAreReadAndTheOtherLinksStay() throws Exception {
        // given one link row flagged removed, one with a new role, and a new one, each with a new changed_at
        TwinsyncProcesses.sql(
                links.sourceUrl(),
                "UPDATE asset_tag SET removed = 1, changed_at = CURRENT_TIMESTAMP WHERE asset_id = 3 AND tag_id = 3",
                "UPDATE asset_tag SET role = 'backup', changed_at = CURRENT_TIMESTAMP WHERE asset_id = 2 AND tag_id = 1",
                "INSERT INTO asset_tag (asset_id, tag_id, since, role, changed_at)"
                        + " VALUES (4, 1, DATE '2025-01-01', 'primary', CURRENT_TIMESTAMP)");

        // when synced
        Result run = links.run("run");

        // then only those three rows were read; one relationship is deleted, one patched, one created
        TwinsyncProcesses.assertOk(run);
        BatchManifest manifest = latest();
        assertThat(manifest.extract().incremental()).contains("asset-tag");
        assertThat(manifest.extract().rowsByEntity()).containsEntry("asset-tag", 3L);
        assertThat(manifest.write().relationships().deleted()).isEqualTo(1);
        assertThat(manifest.write().relationships().patched()).isEqualTo(1);
        assertThat(manifest.write().relationships().created()).isEqualTo(1);
        assertThat(manifest.write().twins().created()
                        + manifest.write().twins().patched()
                        + manifest.write().twins().deleted())
                .isZero();
        // and the links not read again are still there, the twins as they were
        GraphDump graph = links.graph();
        assertThat(graph.relationships())
                .containsOnlyKeys(
                        "asset-PMP-1/taggedWith-tag-ATEX",
                        "asset-PMP-1/taggedWith-tag-CRIT",
                        "asset-PMP-2/taggedWith-tag-ATEX",
                        "asset-VLV-1/taggedWith-tag-CRIT",
                        "asset-VLV-2/taggedWith-tag-OUTD",
                        "asset-VLV-2/taggedWith-tag-ATEX");
        JsonNode patched = StagingJson.mapper().readTree(graph.relationships().get("asset-PMP-2/taggedWith-tag-ATEX"));
        assertThat(patched.path("role").asText()).isEqualTo("backup");
        assertThat(graph.twins()).isEqualTo(firstSync.twins());
    }

    @Test
    @Order(3)
    void aSyncWithNoLinkRowChangedSendsNoRelationshipWrites() throws Exception {
        // when nothing changed since
        Result run = links.run("run");

        // then no link row is read and no relationship written
        TwinsyncProcesses.assertOk(run);
        BatchManifest manifest = latest();
        assertThat(manifest.extract().rowsByEntity()).containsEntry("asset-tag", 0L);
        assertThat(manifest.write().relationships().created()
                        + manifest.write().relationships().patched()
                        + manifest.write().relationships().deleted())
                .isZero();
        assertThat(manifest.write().relationships().unchanged()).isEqualTo(6);
    }

    private BatchManifest latest() {
        return CliRun.latestManifest(links.home());
    }
}
