package io.twinsync.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.staging.rows.RowsHandOff;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingException;
import io.twinsync.transform.mapping.MappingLoader;
import io.twinsync.transform.presence.PresenceStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transforming rows while they are being staged (extract and transform overlapped) against reading staged files. */
class HandedOverRowsTransformTests {

    @TempDir
    Path staging;

    @TempDir
    Path otherStaging;

    @TempDir
    Path dir;

    @Test
    void rowsHandedOverGiveTheSameTwinFilesAsTheStagedRows() {
        // given the sample mapping, and the sample rows staged once as a whole and once handed over as written
        Mapping mapping = MappingLoader.loadFromClasspath(SampleMappingTransformTests.SAMPLE_MAPPING);
        Batch fromFiles = TestBatches.newBatch(staging);
        SampleRows.stageInto(fromFiles);
        Batch handedOver = TestBatches.newBatch(otherStaging);

        // when one is transformed from its files and the other while its rows are written
        TransformSummary expected = new TwinTransformer(mapping).transform(fromFiles);
        RowsHandOff.Overlap<Void, TransformSummary> done = RowsHandOff.overlap(
                handedOver,
                tapped -> {
                    SampleRows.stageInto(tapped);
                    return null;
                },
                rows -> new TwinTransformer(mapping).transform(handedOver, null, rows),
                "test-transform");

        // then both produced the same twin files, models and counts
        assertThat(done.readFailure()).isNull();
        TransformSummary actual = done.readResult().orElseThrow();
        assertThat(actual.twinFiles()).isEqualTo(expected.twinFiles()).isPositive();
        assertThat(actual.rowsRead()).isEqualTo(expected.rowsRead());
        assertThat(actual.relationships()).isEqualTo(expected.relationships());
        assertThat(actual.rowsRejected()).isEqualTo(expected.rowsRejected());
        assertThat(handedOver.list(BatchLayout.TWINS)).isEqualTo(fromFiles.list(BatchLayout.TWINS));
        List<TwinFile> handedOverFiles = TestBatches.twinFiles(handedOver);
        assertThat(handedOverFiles).isEqualTo(TestBatches.twinFiles(fromFiles));
        assertThat(TestBatches.json(handedOver, BatchLayout.MODELS))
                .isEqualTo(TestBatches.json(fromFiles, BatchLayout.MODELS));
        // and the handed-over rows were staged too, for replays
        assertThat(handedOver.list(BatchLayout.ROWS)).isEqualTo(fromFiles.list(BatchLayout.ROWS));
    }

    @Test
    void rejectsAndDuplicatesAreTheSameWhenRowsAreHandedOver() {
        // given a mapping and rows with a bad value and a duplicate twin id
        Mapping mapping = TestMappings.thing(dir, "count: Count", "");
        Batch fromFiles = TestBatches.newBatch(staging);
        Batch handedOver = TestBatches.newBatch(otherStaging);
        TestBatches.Rows rows = TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Count STRING")
                .row(1L, "a", "1")
                .row(2L, "b", "not a number")
                .row(3L, "a", "3");

        // when the rows are transformed from the staged file and while being handed over
        rows.stageInto(fromFiles);
        new TwinTransformer(mapping).transform(fromFiles);
        RowsHandOff.Overlap<Void, TransformSummary> done = RowsHandOff.overlap(
                handedOver,
                tapped -> {
                    rows.stageInto(tapped);
                    return null;
                },
                handOff -> new TwinTransformer(mapping).transform(handedOver, null, handOff),
                "test-transform");

        // then the same rows were rejected for the same reasons, and the first row of a twin id won in both
        assertThat(done.readResult().orElseThrow().rowsRejected()).isEqualTo(2);
        assertThat(TestBatches.rejects(handedOver)).isEqualTo(TestBatches.rejects(fromFiles));
        assertThat(TestBatches.twinFile(handedOver, "thing-a")).isEqualTo(TestBatches.twinFile(fromFiles, "thing-a"));
    }

    @Test
    void missingRowsDuplicatesAcrossEntitiesAndPresenceListsAreTheSameWhenRowsAreHandedOver() {
        // given two entities producing twins of one id space, one with deletion by absence, and a committed state in
        // which the first entity had A, B and C
        Mapping mapping = MappingLoader.load(
                TestMappings.write(
                        dir,
                        """
                  - name: thing
                    source: { table: Thing, key: [Id] }
                    twin:
                      model: dtmi:test:Thing;1
                      id: "thing-{Code}"
                      properties: { count: Count }
                      deleted: { missing: true }
                  - name: other
                    source: { table: Other, key: [Id] }
                    twin:
                      model: dtmi:test:Thing;1
                      id: "thing-{Code}"
                """));
        StateArea fileState = committedState(staging, mapping);
        StateArea handedState = committedState(otherStaging, mapping);
        // and a next batch where B is gone, and the other entity repeats the id of C (a duplicate) and adds D
        Batch fromFiles = TestBatches.newBatch(staging);
        Batch handedOver = TestBatches.newBatch(otherStaging);

        // when it is transformed from its files and while being handed over
        stageNext(fromFiles);
        TransformSummary expected = new TwinTransformer(mapping).transform(fromFiles, fileState);
        RowsHandOff.Overlap<Void, TransformSummary> done = RowsHandOff.overlap(
                handedOver,
                tapped -> {
                    stageNext(tapped);
                    return null;
                },
                handOff -> new TwinTransformer(mapping).transform(handedOver, handedState, handOff),
                "test-transform");

        // then both tombstone B, reject the duplicate alike, and hold the same pending presence list
        TransformSummary actual = done.readResult().orElseThrow();
        assertThat(actual.tombstones()).isEqualTo(expected.tombstones()).isEqualTo(1);
        assertThat(actual.rowsRejected()).isEqualTo(expected.rowsRejected()).isEqualTo(1);
        assertThat(TestBatches.twinFiles(handedOver)).isEqualTo(TestBatches.twinFiles(fromFiles));
        assertThat(TestBatches.rejects(handedOver)).isEqualTo(TestBatches.rejects(fromFiles));
        assertThat(handedOver.list("present/"))
                .isEqualTo(fromFiles.list("present/"))
                .isNotEmpty();
        for (String presence : fromFiles.list("present/")) {
            assertThat(TestBatches.jsonLines(handedOver, presence))
                    .isEqualTo(TestBatches.jsonLines(fromFiles, presence));
        }
    }

    private static StateArea committedState(Path root, Mapping mapping) {
        StateArea state = new LocalStagingStore(root).state();
        Batch first = TestBatches.newBatch(root);
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Count STRING")
                .row(1L, "A", "1")
                .row(2L, "B", "2")
                .row(3L, "C", "3")
                .stageInto(first);
        new TwinTransformer(mapping).transform(first, state);
        PresenceStore.commit(first, state);
        return state;
    }

    private static void stageNext(Batch batch) {
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Count STRING")
                .row(1L, "A", "1")
                .row(3L, "C", "33")
                .stageInto(batch);
        TestBatches.rows("other", "Id", "Id INTEGER, Code STRING")
                .row(7L, "C")
                .row(8L, "D")
                .stageInto(batch);
    }

    @Test
    void aMappingProblemFailsTheTransformButTheRowsAreStillStaged() {
        // given a mapping naming a column the rows do not have
        Mapping mapping = TestMappings.thing(dir, "count: Missing", "");
        Batch batch = TestBatches.newBatch(staging);

        // when the rows are handed over as they are staged
        RowsHandOff.Overlap<Void, TransformSummary> done = RowsHandOff.overlap(
                batch,
                tapped -> {
                    TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING")
                            .row(1L, "a")
                            .stageInto(tapped);
                    return null;
                },
                handOff -> new TwinTransformer(mapping).transform(batch, null, handOff),
                "test-transform");

        // then the transform fails naming the column, publishes nothing, and the rows file is staged whole
        assertThat(done.readFailure()).isInstanceOf(MappingException.class).hasMessageContaining("Missing");
        assertThat(batch.list(BatchLayout.TWINS)).isEmpty();
        assertThat(batch.list(BatchLayout.ROWS)).containsExactly(BatchLayout.rowsFile("thing"));
    }

    @Test
    void rowsOfAnEntityOutsideTheMappingAreSkipped() {
        // given a mapping of 'thing' and rows of 'thing' and of an unmapped 'other', the other first
        Mapping mapping = TestMappings.thing(dir, "count: Count", "");
        Batch batch = TestBatches.newBatch(staging);

        // when they are handed over
        RowsHandOff.Overlap<Void, TransformSummary> done = RowsHandOff.overlap(
                batch,
                tapped -> {
                    TestBatches.rows("other", "Id", "Id INTEGER").row(7L).stageInto(tapped);
                    TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Count STRING")
                            .row(1L, "a", "1")
                            .stageInto(tapped);
                    return null;
                },
                handOff -> new TwinTransformer(mapping).transform(batch, null, handOff),
                "test-transform");

        // then only the thing became a twin
        assertThat(done.readResult().orElseThrow().rowsRead()).isEqualTo(1);
        assertThat(TestBatches.twinFiles(batch)).extracting(TwinFile::twinId).containsExactly("thing-a");
    }
}
