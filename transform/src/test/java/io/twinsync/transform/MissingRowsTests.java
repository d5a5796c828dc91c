package io.twinsync.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.Batch;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingException;
import io.twinsync.transform.mapping.MappingLoader;
import io.twinsync.transform.presence.PresenceStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deleted.missing: true}: twins whose rows are gone from a full read become tombstones. */
class MissingRowsTests {

    @TempDir
    Path dir;

    StateArea state;

    @BeforeEach
    void stagingState() {
        state = new LocalStagingStore(dir.resolve("staging")).state();
    }

    private Mapping mapping(String deletedYaml) {
        return MappingLoader.load(TestMappings.write(
                dir,
                """
                  - name: thing
                    source: { table: Thing, key: [Id] }
                    twin:
                      model: dtmi:test:Thing;1
                      id: "thing-{Code}"
                      properties: { count: Count }
                      deleted: %s
                  - name: other
                    source: { table: Other, key: [Id] }
                    twin:
                      model: dtmi:test:Thing;1
                      id: "thing-{Code}"
                """
                        .formatted(deletedYaml)));
    }

    /** Stages {@code thing} rows of (Id, Code, Count) into a new batch, transforms it and returns the batch. */
    private Batch batchOf(Mapping mapping, Object[]... rows) {
        Batch batch = TestBatches.newBatch(dir.resolve("staging"));
        TestBatches.Rows staged = TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Count STRING");
        for (Object[] row : rows) {
            staged.row(row);
        }
        staged.stageInto(batch);
        return batch;
    }

    private TransformSummary transformAndCommit(Mapping mapping, Batch batch) {
        TransformSummary summary = new TwinTransformer(mapping).transform(batch, state);
        PresenceStore.commit(batch, state);
        return summary;
    }

    private static Object[] row(long id, String code, String count) {
        return new Object[] {id, code, count};
    }

    @Test
    void theFirstBatchDeletesNothingAndTheNextTombstonesATwinWhoseRowIsGone() {
        // given a committed first batch of A, B and C
        Mapping mapping = mapping("{ missing: true }");
        TransformSummary first =
                transformAndCommit(mapping, batchOf(mapping, row(1, "A", "1"), row(2, "B", "2"), row(3, "C", "3")));
        assertThat(first.tombstones()).isZero();

        // when the next full read has lost B
        Batch second = batchOf(mapping, row(1, "A", "1"), row(3, "C", "3"));
        TransformSummary summary = new TwinTransformer(mapping).transform(second, state);

        // then B is a tombstone with its source key and model, and A and C are twins as usual
        TwinFile b = TestBatches.twinFile(second, "thing-B");
        assertThat(b.tombstone()).isTrue();
        assertThat(b.sourceKey().get("Id").asLong()).isEqualTo(2);
        assertThat(b.modelId()).isEqualTo("dtmi:test:Thing;1");
        assertThat(TestBatches.twinFile(second, "thing-A").tombstone()).isFalse();
        assertThat(summary.tombstones()).isEqualTo(1);
        assertThat(summary.twinFiles()).isEqualTo(3);
        assertThat(summary.rowsRead()).isEqualTo(2);
    }

    @Test
    void aBatchThatIsNotCommittedLeavesTheListSoTheNextBatchDeletesAgain() {
        // given A and B committed, then a batch without B that is not committed (its write failed)
        Mapping mapping = mapping("{ missing: true }");
        transformAndCommit(mapping, batchOf(mapping, row(1, "A", "1"), row(2, "B", "2")));
        new TwinTransformer(mapping).transform(batchOf(mapping, row(1, "A", "1")), state);

        // when the next batch still lacks B
        Batch third = batchOf(mapping, row(1, "A", "1"));
        new TwinTransformer(mapping).transform(third, state);

        // then B is tombstoned again
        assertThat(TestBatches.twinFile(third, "thing-B").tombstone()).isTrue();
    }

    @Test
    void aCommittedTombstoneIsNotDeletedTwice() {
        // given B deleted by a committed batch
        Mapping mapping = mapping("{ missing: true }");
        transformAndCommit(mapping, batchOf(mapping, row(1, "A", "1"), row(2, "B", "2")));
        transformAndCommit(mapping, batchOf(mapping, row(1, "A", "1")));

        // when the next batch has A only again
        Batch third = batchOf(mapping, row(1, "A", "1"));
        TransformSummary summary = new TwinTransformer(mapping).transform(third, state);

        // then nothing is tombstoned
        assertThat(summary.tombstones()).isZero();
        assertThat(TestBatches.twinFiles(third)).extracting(TwinFile::twinId).containsExactly("thing-A");
    }

    @Test
    void aRowRejectedThisTimeKeepsItsTwinAndStaysListed() {
        // given A and B committed
        Mapping mapping = mapping("{ missing: true }");
        transformAndCommit(mapping, batchOf(mapping, row(1, "A", "1"), row(2, "B", "2")));

        // when B's row comes back with a bad count, and B's row with its code NULL (no id at all) in the next one
        Batch second = batchOf(mapping, row(1, "A", "1"), row(2, "B", "not a number"));
        TransformSummary secondSummary = transformAndCommit(mapping, second);
        Batch third = batchOf(mapping, row(1, "A", "1"), row(2, null, "2"));
        TransformSummary thirdSummary = transformAndCommit(mapping, third);

        // then B is never tombstoned: its row is still in the source
        assertThat(secondSummary.tombstones()).isZero();
        assertThat(secondSummary.rowsRejected()).isEqualTo(1);
        assertThat(thirdSummary.tombstones()).isZero();
        assertThat(TestBatches.twinFiles(third)).extracting(TwinFile::twinId).containsExactly("thing-A");

        // and once the row is really gone, B is deleted
        Batch fourth = batchOf(mapping, row(1, "A", "1"));
        new TwinTransformer(mapping).transform(fourth, state);
        assertThat(TestBatches.twinFile(fourth, "thing-B").tombstone()).isTrue();
    }

    @Test
    void tooManyMissingRowsDeleteNoneAndSayWhyAndAreDeletedOnceTheLimitAllows() {
        // given four twins committed, and a read that has lost three of them (75 %, over the default 50 %)
        Mapping mapping = mapping("{ missing: true }");
        transformAndCommit(
                mapping, batchOf(mapping, row(1, "A", "1"), row(2, "B", "2"), row(3, "C", "3"), row(4, "D", "4")));
        Batch cutShort = batchOf(mapping, row(1, "A", "1"));

        // when transformed
        TransformSummary summary = transformAndCommit(mapping, cutShort);

        // then nothing is deleted, and one reject for the entity says why and what to do
        assertThat(summary.tombstones()).isZero();
        assertThat(summary.rowsRejected()).isEqualTo(1);
        assertThat(summary.rejectsByReason()).containsEntry("TOO_MANY_MISSING_ROWS", 1L);
        var reject = TestBatches.rejects(cutShort).get(0);
        assertThat(reject.get("entity").asText()).isEqualTo("thing");
        assertThat(reject.get("value").asText()).isEqualTo("3 of 4");
        assertThat(reject.get("reason").asText()).contains("75.0 %", "50.0 %", "raise missingLimit", "query");

        // and when the limit is raised, the next batch deletes the three it kept listed
        Mapping raised = mapping("{ missing: true, missingLimit: 1 }");
        Batch next = batchOf(raised, row(1, "A", "1"));
        TransformSummary deleted = new TwinTransformer(raised).transform(next, state);
        assertThat(deleted.tombstones()).isEqualTo(3);
    }

    @Test
    void aTwinNowProducedByAnotherEntityIsNotTakenForGone() {
        // given B committed from entity thing
        Mapping mapping = mapping("{ missing: true }");
        transformAndCommit(mapping, batchOf(mapping, row(1, "A", "1"), row(2, "B", "2")));

        // when B's row has moved to entity other (listed after thing in the mapping)
        Batch second = batchOf(mapping, row(1, "A", "1"));
        TestBatches.rows("other", "Id", "Id INTEGER, Code STRING").row(9L, "B").stageInto(second);
        TransformSummary summary = new TwinTransformer(mapping).transform(second, state);

        // then B is other's twin, not a tombstone
        assertThat(summary.tombstones()).isZero();
        TwinFile b = TestBatches.twinFile(second, "thing-B");
        assertThat(b.tombstone()).isFalse();
        assertThat(b.entity()).isEqualTo("other");
    }

    @Test
    void withoutTheStagingStateNothingIsDeletedForMissingRows() {
        // given A and B committed
        Mapping mapping = mapping("{ missing: true }");
        transformAndCommit(mapping, batchOf(mapping, row(1, "A", "1"), row(2, "B", "2")));

        // when a batch without B is transformed with no state to compare with
        Batch second = batchOf(mapping, row(1, "A", "1"));
        TransformSummary summary = new TwinTransformer(mapping).transform(second);

        // then nothing is tombstoned
        assertThat(summary.tombstones()).isZero();
    }

    @Test
    void aFlaggedRowIsATombstoneAndLeavesTheList() {
        // given a flag column as well, and A and B committed
        Mapping mapping = mapping("{ column: Count, when: gone, missing: true }");
        transformAndCommit(mapping, batchOf(mapping, row(1, "A", "1"), row(2, "B", "2")));

        // when B is flagged, committed, and then its row disappears
        Batch flagged = batchOf(mapping, row(1, "A", "1"), row(2, "B", "gone"));
        transformAndCommit(mapping, flagged);
        Batch gone = batchOf(mapping, row(1, "A", "1"));
        TransformSummary summary = new TwinTransformer(mapping).transform(gone, state);

        // then B was tombstoned by its flag, and is not deleted a second time
        assertThat(TestBatches.twinFile(flagged, "thing-B").tombstone()).isTrue();
        assertThat(summary.tombstones()).isZero();
    }

    @Test
    void missingNeedsAFullReadAndASensibleLimit() {
        // given missing with a watermark, a limit out of range, and a limit without missing
        Path file = TestMappings.write(
                dir,
                """
                  - name: a
                    source: { table: A, key: [Id], watermark: RowVer }
                    twin: { model: "dtmi:test:Thing;1", id: "a-{Id}", deleted: { missing: true } }
                  - name: b
                    source: { table: B, key: [Id] }
                    twin: { model: "dtmi:test:Thing;1", id: "b-{Id}", deleted: { missing: true, missingLimit: 1.5 } }
                  - name: c
                    source: { table: C, key: [Id] }
                    twin: { model: "dtmi:test:Thing;1", id: "c-{Id}", deleted: { column: Gone, missingLimit: 0.2 } }
                """);

        // when loaded, then each is named with what to do
        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .hasSize(3)
                        .anySatisfy(p -> assertThat(p)
                                .startsWith("entity 'a': twin.deleted.missing:")
                                .contains("remove source.watermark"))
                        .anySatisfy(p -> assertThat(p)
                                .startsWith("entity 'b': twin.deleted.missingLimit:")
                                .contains("at most 1"))
                        .anySatisfy(p -> assertThat(p)
                                .isEqualTo("entity 'c': twin.deleted.missingLimit: missingLimit only applies with"
                                        + " missing: true")));
    }

    @Test
    void aRerunWithoutMissingLeavesNoEarlierPresenceListToCommit() {
        // given a batch transformed with deleted.missing, then again after the mapping dropped it
        Batch batch = batchOf(mapping("{ missing: true }"), row(1, "A", "1"));
        new TwinTransformer(mapping("{ missing: true }")).transform(batch, state);
        assertThat(batch.exists(PresenceStore.batchFile("thing"))).isTrue();

        // when transformed again without it
        new TwinTransformer(mapping("{ column: Count, when: gone }")).transform(batch, state);

        // then the earlier run's list is gone, so committing the batch publishes nothing stale
        assertThat(batch.exists(PresenceStore.batchFile("thing"))).isFalse();
        assertThat(PresenceStore.commit(batch, state)).isEmpty();
    }

    @Test
    void thePresenceListIsCommittedOnlyByPresenceStoreCommit() {
        // given a transformed batch
        Mapping mapping = mapping("{ missing: true }");
        Batch batch = batchOf(mapping, row(1, "A", "1"));
        new TwinTransformer(mapping).transform(batch, state);

        // then the pending list is in the batch, and the state has none until it is committed
        assertThat(batch.exists(PresenceStore.batchFile("thing"))).isTrue();
        assertThat(state.open(PresenceStore.stateFile("thing"))).isEmpty();
        assertThat(PresenceStore.commit(batch, state)).isEqualTo(List.of("thing"));
        assertThat(state.open(PresenceStore.stateFile("thing"))).isPresent();
    }

    @Test
    void anEntityWithoutHistoryDeletesNothingForMissingRowsAndStartsItsListAfresh() {
        // given A and B committed from another source (say)
        Mapping mapping = mapping("{ missing: true }");
        transformAndCommit(mapping, batchOf(mapping, row(1, "A", "1"), row(2, "B", "2")));

        // when the next batch lacks B but its list is not to be used
        Batch second = batchOf(mapping, row(1, "A", "1"));
        TransformSummary summary = new TwinTransformer(mapping)
                .withoutHistoryOf(java.util.Set.of("thing"))
                .transform(second, state);
        PresenceStore.commit(second, state);

        // then nothing is tombstoned, and the new list holds A only, so B is not deleted by a later batch either
        assertThat(summary.tombstones()).isZero();
        Batch third = batchOf(mapping, row(1, "A", "1"));
        assertThat(new TwinTransformer(mapping).transform(third, state).tombstones())
                .isZero();
    }

    @Test
    void theScopeNamesEachEntitysModelRejectedTwinsAndWhetherDeletionsWereHeld() {
        // given A, B, C and D committed
        Mapping mapping = mapping("{ missing: true, missingLimit: 0.25 }");
        transformAndCommit(
                mapping, batchOf(mapping, row(1, "A", "1"), row(2, "B", "2"), row(3, "C", "3"), row(4, "D", "4")));

        // when a batch rejects B (bad count) and a row without a code, and lacks C and D (over the limit)
        Batch second = batchOf(mapping, row(1, "A", "1"), row(2, "B", "x"), row(5, null, "5"));
        new TwinTransformer(mapping).transform(second, state);

        // then scope.json says so for thing; other was not in the batch, so it is not in the scope
        io.twinsync.staging.scope.GraphScope scope =
                io.twinsync.staging.scope.GraphScopes.read(second).orElseThrow();
        assertThat(scope.entities()).hasSize(1);
        io.twinsync.staging.scope.EntityScope thing = scope.entities().get(0);
        assertThat(thing.entity()).isEqualTo("thing");
        assertThat(thing.model()).isEqualTo("dtmi:test:Thing;1");
        assertThat(thing.rejectedTwinIds()).containsExactly("thing-B");
        assertThat(thing.rejectedWithoutId()).isEqualTo(1);
        assertThat(thing.deletionsHeld()).isTrue();
        assertThat(thing.extraLimit()).isEqualTo(0.25);
    }
}
