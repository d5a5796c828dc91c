package io.twinsync.transform.importfile;

import static io.twinsync.transform.importfile.ImportTestBatches.ASSET;
import static io.twinsync.transform.importfile.ImportTestBatches.BUILDING;
import static io.twinsync.transform.importfile.ImportTestBatches.SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagingException;
import io.twinsync.transform.TestBatches;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportFileWriterTests {

    private static final String HEADER =
            "{\"fileVersion\":\"1.0.0\",\"author\":\"twinsync\",\"organization\":\"Contoso\"}";

    @TempDir
    Path staging;

    Batch batch;
    ImportFileWriter writer = new ImportFileWriter("Contoso");

    @BeforeEach
    void newBatch() {
        batch = TestBatches.newBatch(staging);
    }

    @Test
    void writesHeaderModelsTwinsThenRelationshipsOneObjectPerLine() {
        // given models in dependency order and two twins, one with relationships
        ImportTestBatches.models(batch, ASSET, BUILDING, SITE);
        ImportTestBatches.twin(
                batch,
                "{\"$dtId\":\"building-1\",\"$metadata\":{\"$model\":\"dtmi:test:Building;1\"},"
                        + "\"name\":\"B1\",\"floors\":3}");
        ImportTestBatches.twin(
                batch,
                "{\"$dtId\":\"site-1\",\"$metadata\":{\"$model\":\"dtmi:test:Site;1\"},\"area\":1200.50}",
                "{\"$relationshipId\":\"contains-building-1\",\"$targetId\":\"building-1\","
                        + "\"$relationshipName\":\"contains\",\"since\":\"2020-01-01\"}");

        // when
        writer.write(batch);

        // then
        assertThat(ImportTestBatches.read(batch, ImportFileWriter.IMPORT_FILE))
                .isEqualTo(String.join(
                        "\n",
                        "{\"Section\":\"Header\"}",
                        HEADER,
                        "{\"Section\":\"Models\"}",
                        ASSET,
                        BUILDING,
                        SITE,
                        "{\"Section\":\"Twins\"}",
                        "{\"$dtId\":\"building-1\",\"$metadata\":{\"$model\":\"dtmi:test:Building;1\"},"
                                + "\"name\":\"B1\",\"floors\":3}",
                        "{\"$dtId\":\"site-1\",\"$metadata\":{\"$model\":\"dtmi:test:Site;1\"},\"area\":1200.50}",
                        "{\"Section\":\"Relationships\"}",
                        "{\"$dtId\":\"site-1\",\"$relationshipId\":\"contains-building-1\",\"$targetId\":\"building-1\","
                                + "\"$relationshipName\":\"contains\",\"since\":\"2020-01-01\"}",
                        ""));
    }

    @Test
    void returnsWhatTheFileHolds() {
        // given
        ImportTestBatches.models(batch, ASSET, BUILDING, SITE);
        ImportTestBatches.twin(batch, "{\"$dtId\":\"b\",\"$metadata\":{\"$model\":\"dtmi:test:Building;1\"}}");
        ImportTestBatches.twin(
                batch,
                "{\"$dtId\":\"s\",\"$metadata\":{\"$model\":\"dtmi:test:Site;1\"}}",
                "{\"$relationshipId\":\"r1\",\"$targetId\":\"b\",\"$relationshipName\":\"contains\"}",
                "{\"$relationshipId\":\"r2\",\"$targetId\":\"b\",\"$relationshipName\":\"contains\"}");

        // when
        ImportFileSummary summary = writer.write(batch);

        // then
        assertThat(summary).isEqualTo(new ImportFileSummary(ImportFileWriter.IMPORT_FILE, 3, 2, 2, 0));
    }

    @Test
    void leavesOutEtagsAndLastUpdateTimesButKeepsIdAndModel() {
        // given a twin document as ADT returns it
        ImportTestBatches.twin(
                batch,
                "{\"$dtId\":\"b\",\"$etag\":\"W/\\\"1\\\"\",\"$metadata\":{\"$model\":\"dtmi:test:Building;1\","
                        + "\"$lastUpdateTime\":\"2025-01-15T08:00:00Z\",\"floors\":{\"lastUpdateTime\":"
                        + "\"2025-01-15T08:00:00Z\"}},\"floors\":3}",
                "{\"$relationshipId\":\"r\",\"$etag\":\"W/\\\"2\\\"\",\"$sourceId\":\"b\",\"$targetId\":\"c\","
                        + "\"$relationshipName\":\"contains\"}");

        // when
        writer.write(batch);

        // then
        assertThat(lines())
                .contains(
                        "{\"$dtId\":\"b\",\"$metadata\":{\"$model\":\"dtmi:test:Building;1\"},\"floors\":3}",
                        "{\"$dtId\":\"b\",\"$relationshipId\":\"r\",\"$targetId\":\"c\","
                                + "\"$relationshipName\":\"contains\"}")
                .noneMatch(line -> line.contains("$etag") || line.contains("astUpdateTime"));
    }

    @Test
    void skipsTombstonesWithTheirRelationshipsAndCountsThem() {
        // given a live twin and a tombstoned one with a relationship
        ImportTestBatches.twin(batch, "{\"$dtId\":\"b\",\"$metadata\":{\"$model\":\"dtmi:test:Building;1\"}}");
        ImportTestBatches.tombstone(
                batch,
                "{\"$dtId\":\"gone\",\"$metadata\":{\"$model\":\"dtmi:test:Site;1\"}}",
                "{\"$relationshipId\":\"r\",\"$targetId\":\"b\",\"$relationshipName\":\"contains\"}");

        // when
        ImportFileSummary summary = writer.write(batch);

        // then
        assertThat(summary.twins()).isEqualTo(1);
        assertThat(summary.relationships()).isZero();
        assertThat(summary.tombstonesSkipped()).isEqualTo(1);
        assertThat(lines())
                .containsExactly(
                        "{\"Section\":\"Header\"}",
                        HEADER,
                        "{\"Section\":\"Twins\"}",
                        "{\"$dtId\":\"b\",\"$metadata\":{\"$model\":\"dtmi:test:Building;1\"}}");
    }

    @Test
    void anEmptyBatchGivesAFileWithOnlyTheHeader() {
        // given a batch with neither models nor twin files

        // when
        ImportFileSummary summary = writer.write(batch);

        // then
        assertThat(ImportTestBatches.read(batch, ImportFileWriter.IMPORT_FILE))
                .isEqualTo("{\"Section\":\"Header\"}\n" + HEADER + "\n");
        assertThat(summary).isEqualTo(new ImportFileSummary(ImportFileWriter.IMPORT_FILE, 0, 0, 0, 0));
    }

    @Test
    void modelsJsonThatIsNotAnArrayFailsAndPublishesNothing() {
        // given
        ImportTestBatches.write(batch, BatchLayout.MODELS, "{\"@id\":\"dtmi:test:Asset;1\"}");

        // when / then
        assertThatThrownBy(() -> writer.write(batch))
                .isInstanceOf(StagingException.class)
                .hasMessageContaining(BatchLayout.MODELS)
                .hasMessageContaining("not a JSON array")
                .hasMessageContaining("re-run transform");
        assertThat(batch.exists(ImportFileWriter.IMPORT_FILE)).isFalse();
        assertThat(batch.list("import/")).isEmpty();
    }

    private List<String> lines() {
        return ImportTestBatches.read(batch, ImportFileWriter.IMPORT_FILE)
                .lines()
                .toList();
    }
}
