package io.twinsync.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.staging.rows.RowsHandOff;
import io.twinsync.staging.scope.EntityScope;
import io.twinsync.staging.scope.GraphScopes;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingException;
import io.twinsync.transform.mapping.MappingLoader;
import io.twinsync.transform.presence.PresenceStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Link entities: each row of a link table becomes a relationship in the twin file of its source twin, so the writer
 * applies it, and removes it once the row is gone, as it does a twin's own relationships.
 */
class LinkEntityTransformTests {

    @TempDir
    Path dir;

    @TempDir
    Path staging;

    private Mapping mapping(String stale) {
        return MappingLoader.load(TestMappings.write(
                dir,
                """
                  - name: thing
                    source: { table: Thing, key: [Id] }
                    twin:
                      model: dtmi:test:Thing;1
                      id: "thing-{Code}"
                      properties: { count: Count }
                      deleted: { column: Gone }
                    relationships:
                      - { name: partOf, target: "thing-{Parent}" }
                  - name: thing-link
                    source: { table: thing_link, key: [FromCode, ToCode] }
                    relationship:
                      name: linksTo
                      sourceEntity: thing
                      source: "thing-{FromCode}"
                      target: "thing-{ToCode}"
                      stale: %s
                      properties: { since: Since, note1: Note }
                      deleted: { column: Removed, when: ["Y"] }
                """
                        .formatted(stale)
                        .replace(
                                "      deleted: { column: Removed, when: [\"Y\"] }\n",
                                "remove".equals(stale) ? "      deleted: { column: Removed, when: [\"Y\"] }\n" : "")));
    }

    private static void things(Batch batch) {
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Count STRING, Parent STRING, Gone BOOLEAN")
                .row(1L, "a", "1", null, false)
                .row(2L, "b", "2", "a", false)
                .row(3L, "c", "3", null, false)
                .stageInto(batch);
    }

    private static TestBatches.Rows links() {
        return TestBatches.rows(
                "thing-link",
                "FromCode,ToCode",
                "FromCode STRING, ToCode STRING, Since DATE, Note STRING, Removed STRING");
    }

    @Test
    void eachLinkRowBecomesARelationshipInItsSourceTwinsFileWithItsProperties() {
        // given things a, b, c and link rows a->b, a->c, b->c
        Batch batch = TestBatches.newBatch(staging);
        things(batch);
        links().row("a", "b", LocalDate.parse("2024-03-01"), "main", "N")
                .row("a", "c", null, null, "N")
                .row("b", "c", LocalDate.parse("2024-05-02"), null, null)
                .stageInto(batch);

        // when transformed
        TransformSummary summary = new TwinTransformer(mapping("remove")).transform(batch);

        // then a's file lists its two links with the default ids and mapped properties
        TwinFile a = TestBatches.twinFile(batch, "thing-a");
        assertThat(a.relationships())
                .extracting(r -> r.get("$relationshipId").asText())
                .containsExactly("linksTo-thing-b", "linksTo-thing-c");
        ObjectNode ab = a.relationships().get(0);
        assertThat(ab.get("$targetId").asText()).isEqualTo("thing-b");
        assertThat(ab.get("$relationshipName").asText()).isEqualTo("linksTo");
        assertThat(ab.get("since").asText()).isEqualTo("2024-03-01");
        assertThat(ab.get("note1").asText()).isEqualTo("main");
        assertThat(a.relationships().get(1).has("since")).isFalse();
        // and b's file lists its own partOf first, then its link
        assertThat(TestBatches.twinFile(batch, "thing-b").relationships())
                .extracting(r -> r.get("$relationshipId").asText())
                .containsExactly("partOf-thing-a", "linksTo-thing-c");
        // and every file owns linksTo, so the writer removes the links the source no longer gives
        assertThat(TestBatches.twinFiles(batch))
                .allSatisfy(f -> assertThat(f.ownedRelationships()).containsExactly("linksTo"));
        assertThat(a.hashMatchesContent()).isTrue();
        // and the summary counts the rows of both entities and the relationships once
        assertThat(summary.rowsRead()).isEqualTo(6);
        assertThat(summary.twinFiles()).isEqualTo(3);
        assertThat(summary.relationships()).isEqualTo(4);
        assertThat(summary.rowsRejected()).isZero();
    }

    @Test
    void aChangedLinkPropertyChangesOnlyItsSourceTwinsContentHash() {
        // given a batch, and a second one where the a->b link's since changed
        Batch first = TestBatches.newBatch(staging);
        things(first);
        links().row("a", "b", LocalDate.parse("2024-03-01"), null, "N")
                .row("b", "c", LocalDate.parse("2024-05-02"), null, "N")
                .stageInto(first);
        Batch second = TestBatches.newBatch(staging.resolve("second"));
        things(second);
        links().row("a", "b", LocalDate.parse("2024-04-01"), null, "N")
                .row("b", "c", LocalDate.parse("2024-05-02"), null, "N")
                .stageInto(second);

        // when both are transformed
        Mapping mapping = mapping("remove");
        new TwinTransformer(mapping).transform(first);
        new TwinTransformer(mapping).transform(second);

        // then a's file changed (the writer applies it again) and b's and c's did not (the writer skips them)
        assertThat(TestBatches.twinFile(second, "thing-a").contentHash())
                .isNotEqualTo(TestBatches.twinFile(first, "thing-a").contentHash());
        assertThat(TestBatches.twinFile(second, "thing-b").contentHash())
                .isEqualTo(TestBatches.twinFile(first, "thing-b").contentHash());
        assertThat(TestBatches.twinFile(second, "thing-c").contentHash())
                .isEqualTo(TestBatches.twinFile(first, "thing-c").contentHash());
    }

    @Test
    void aDeletedOrFlaggedLinkRowLeavesItsSourceTwinsFileWithoutItButStillOwningTheName() {
        // given a's link to b flagged deleted, and no row at all for its link to c any more
        Batch batch = TestBatches.newBatch(staging);
        things(batch);
        links().row("a", "b", LocalDate.parse("2024-03-01"), null, "Y")
                .row("b", "c", null, null, "N")
                .stageInto(batch);

        // when transformed
        TransformSummary summary = new TwinTransformer(mapping("remove")).transform(batch);

        // then a stays a twin (no tombstone), lists no link and owns linksTo: the writer deletes its old links
        TwinFile a = TestBatches.twinFile(batch, "thing-a");
        assertThat(a.tombstone()).isFalse();
        assertThat(a.twin().get("count").asInt()).isEqualTo(1);
        assertThat(a.relationships()).isEmpty();
        assertThat(a.ownedRelationships()).containsExactly("linksTo");
        assertThat(summary.tombstones()).isZero();
        assertThat(summary.rowsRejected()).isZero();
    }

    @Test
    void withStaleKeepTheLinksAreListedButTheNameIsNotOwned() {
        // given link rows mapped with stale: keep
        Batch batch = TestBatches.newBatch(staging);
        things(batch);
        links().row("a", "b", null, null, null).stageInto(batch);

        // when transformed
        new TwinTransformer(mapping("keep")).transform(batch);

        // then the link is in a's file, and no file owns linksTo (the writer leaves old links alone)
        assertThat(TestBatches.twinFile(batch, "thing-a").relationships()).hasSize(1);
        assertThat(TestBatches.twinFiles(batch))
                .allSatisfy(f -> assertThat(f.ownedRelationships()).isEmpty());
    }

    @Test
    void aLinkRowWhoseSourceTwinHasNoFileIsRejectedAndTheOthersAreKept() {
        // given a link from x, which no thing row gives, and one from a
        Batch batch = TestBatches.newBatch(staging);
        things(batch);
        links().row("x", "b", null, null, null).row("a", "b", null, null, null).stageInto(batch);

        // when transformed
        TransformSummary summary = new TwinTransformer(mapping("remove")).transform(batch);

        // then the row from x is rejected, naming the missing source twin, and a's link is written
        List<JsonNode> rejects = TestBatches.rejects(batch);
        assertThat(rejects).hasSize(1);
        assertThat(rejects.get(0).get("entity").asText()).isEqualTo("thing-link");
        assertThat(rejects.get(0).get("code").asText()).isEqualTo("SOURCE_TWIN_NOT_WRITTEN");
        assertThat(rejects.get(0).get("rowNumber").asLong()).isEqualTo(1);
        assertThat(rejects.get(0).get("rowKey").get("FromCode").asText()).isEqualTo("x");
        assertThat(rejects.get(0).get("reason").asText()).contains("thing-x");
        assertThat(summary.rowsRejected()).isEqualTo(1);
        assertThat(TestBatches.twinFile(batch, "thing-a").relationships()).hasSize(1);
    }

    @Test
    void aLinkRowRepeatingARelationshipIdIsRejectedAndTheFirstKept() {
        // given two rows giving a the same link to b
        Batch batch = TestBatches.newBatch(staging);
        things(batch);
        links().row("a", "b", LocalDate.parse("2024-03-01"), null, null)
                .row("a", "b", LocalDate.parse("2025-03-01"), null, null)
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping("remove")).transform(batch);

        // then the second is rejected as a duplicate relationship id, and the first is in a's file
        assertThat(TestBatches.rejects(batch))
                .extracting(r -> r.get("code").asText())
                .containsExactly("DUPLICATE_RELATIONSHIP_ID");
        assertThat(TestBatches.twinFile(batch, "thing-a").relationships())
                .singleElement()
                .satisfies(r -> assertThat(r.get("since").asText()).isEqualTo("2024-03-01"));
    }

    @Test
    void aTombstonedSourceTwinTakesItsLinksWithItWithoutRejects() {
        // given a flagged deleted in its own table, with a link row still there
        Batch batch = TestBatches.newBatch(staging);
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Count STRING, Parent STRING, Gone BOOLEAN")
                .row(1L, "a", "1", null, true)
                .row(2L, "b", "2", null, false)
                .stageInto(batch);
        links().row("a", "b", null, null, null).stageInto(batch);

        // when transformed
        new TwinTransformer(mapping("remove")).transform(batch);

        // then a is a tombstone (the writer deletes it with all its relationships), and nothing is rejected
        assertThat(TestBatches.twinFile(batch, "thing-a").tombstone()).isTrue();
        assertThat(TestBatches.rejects(batch)).isEmpty();
    }

    @Test
    void theScopeNamesTheLinkRelationshipUnderItsSourceEntityAsOwned() {
        // given link rows
        Batch batch = TestBatches.newBatch(staging);
        things(batch);
        links().row("a", "b", null, null, null).stageInto(batch);

        // when transformed
        new TwinTransformer(mapping("remove")).transform(batch);

        // then a full compare reads and repairs linksTo as thing's, and the link entity is no scope of its own
        List<EntityScope> entities = GraphScopes.read(batch).orElseThrow().entities();
        assertThat(entities).singleElement().satisfies(scope -> {
            assertThat(scope.entity()).isEqualTo("thing");
            assertThat(scope.relationships()).containsExactlyInAnyOrder("partOf", "linksTo");
            assertThat(scope.ownedRelationships()).containsExactly("linksTo");
        });
    }

    @Test
    void linkRowsHandedOverAfterTheirSourceEntityStillReachItsTwinFiles() {
        // given the link rows staged before the things in one batch, and after them while handed over in another
        Mapping mapping = mapping("remove");
        Batch fromFiles = TestBatches.newBatch(staging);
        links().row("a", "b", LocalDate.parse("2024-03-01"), null, null).stageInto(fromFiles);
        things(fromFiles);
        Batch handedOver = TestBatches.newBatch(staging.resolve("handed-over"));

        // when one is transformed from its files and the other while extract writes the things first
        new TwinTransformer(mapping).transform(fromFiles);
        RowsHandOff.Overlap<Void, TransformSummary> done = RowsHandOff.overlap(
                handedOver,
                tapped -> {
                    things(tapped);
                    links().row("a", "b", LocalDate.parse("2024-03-01"), null, null)
                            .stageInto(tapped);
                    return null;
                },
                rows -> new TwinTransformer(mapping).transform(handedOver, null, rows),
                "test-transform");

        // then both give a its link, with the same files
        assertThat(done.readFailure()).isNull();
        assertThat(TestBatches.twinFile(handedOver, "thing-a").relationships()).hasSize(1);
        assertThat(TestBatches.twinFiles(handedOver)).isEqualTo(TestBatches.twinFiles(fromFiles));
    }

    @Test
    void aLinkColumnMissingFromTheStagedRowsFailsTheTransformNamingIt() {
        // given link rows without the Since column the mapping reads
        Batch batch = TestBatches.newBatch(staging);
        things(batch);
        TestBatches.rows("thing-link", "FromCode,ToCode", "FromCode STRING, ToCode STRING, Note STRING, Removed STRING")
                .row("a", "b", null, null)
                .stageInto(batch);

        // when transformed, then the mapping problem names the entity and column
        assertThatThrownBy(() -> new TwinTransformer(mapping("remove")).transform(batch))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("thing-link")
                .hasMessageContaining("Since");
    }

    @Test
    void anIncrementalReadOfTheLinkTableKeepsTheLinksNotReadAgainAndAppliesTheChangedOnes() {
        // given a committed batch with links a->b, a->c and b->c
        Mapping mapping = mapping("remove");
        StateArea state = new LocalStagingStore(staging.resolve("store")).state();
        Batch first = TestBatches.newBatch(staging.resolve("first"));
        things(first);
        links().row("a", "b", LocalDate.parse("2024-03-01"), null, "N")
                .row("a", "c", null, null, "N")
                .row("b", "c", null, null, "N")
                .stageInto(first);
        new TwinTransformer(mapping).transform(first, state);
        PresenceStore.commit(first, state);

        // when the next batch reads only the changed link rows: a->b with a new date, a->c flagged removed, c->a new
        Batch second = TestBatches.newBatch(staging.resolve("second"));
        things(second);
        links().row("a", "b", LocalDate.parse("2024-04-01"), null, "N")
                .row("a", "c", null, null, "Y")
                .row("c", "a", null, null, "N")
                .stageInto(second);
        new TwinTransformer(mapping).withIncrementalReads(Set.of("thing-link")).transform(second, state);

        // then a lists a->b with its new date and no longer a->c; b keeps b->c, not read again; c gets c->a
        TwinFile a = TestBatches.twinFile(second, "thing-a");
        assertThat(a.relationships()).singleElement().satisfies(r -> {
            assertThat(r.get("$relationshipId").asText()).isEqualTo("linksTo-thing-b");
            assertThat(r.get("since").asText()).isEqualTo("2024-04-01");
        });
        assertThat(a.ownedRelationships()).containsExactly("linksTo");
        assertThat(TestBatches.twinFile(second, "thing-b").relationships())
                .extracting(r -> r.get("$relationshipId").asText())
                .containsExactly("partOf-thing-a", "linksTo-thing-c");
        assertThat(TestBatches.twinFile(second, "thing-b").contentHash())
                .isEqualTo(TestBatches.twinFile(first, "thing-b").contentHash());
        assertThat(TestBatches.twinFile(second, "thing-c").relationships())
                .extracting(r -> r.get("$relationshipId").asText())
                .containsExactly("linksTo-thing-a");
        // and the batch's list holds what the next incremental read builds on
        assertThat(TestBatches.jsonLines(second, PresenceStore.batchFile("thing-link")))
                .extracting(line -> line.get("twinId").asText() + " "
                        + line.get("relationship").get("$relationshipId").asText())
                .containsExactlyInAnyOrder(
                        "thing-b linksTo-thing-c", "thing-a linksTo-thing-b", "thing-c linksTo-thing-a");
    }

    @Test
    void anIncrementalReadWithoutAnEarlierListWritesItsLinksButRemovesNone() {
        // given no committed list for the link entity (a first batch after an upgrade, say)
        StateArea state = new LocalStagingStore(staging.resolve("store")).state();
        Batch batch = TestBatches.newBatch(staging);
        things(batch);
        links().row("a", "b", null, null, null).stageInto(batch);

        // when it is read incrementally
        new TwinTransformer(mapping("remove"))
                .withIncrementalReads(Set.of("thing-link"))
                .transform(batch, state);

        // then a lists its one link, and no file owns linksTo: links not read again must not look gone
        assertThat(TestBatches.twinFile(batch, "thing-a").relationships()).hasSize(1);
        assertThat(TestBatches.twinFiles(batch))
                .allSatisfy(f -> assertThat(f.ownedRelationships()).isEmpty());
    }

    @Test
    void aLinkRowRejectedNowKeepsTheRelationshipItGaveBefore() {
        // given a committed batch with the link a->b
        Mapping mapping = mapping("remove");
        StateArea state = new LocalStagingStore(staging.resolve("store")).state();
        Batch first = TestBatches.newBatch(staging.resolve("first"));
        things(first);
        links().row("a", "b", LocalDate.parse("2024-03-01"), null, null).stageInto(first);
        new TwinTransformer(mapping).transform(first, state);
        PresenceStore.commit(first, state);

        // when the whole link table is read again and the row now has a note over ADT's string limit
        Batch second = TestBatches.newBatch(staging.resolve("second"));
        things(second);
        links().row("a", "b", LocalDate.parse("2024-03-01"), "x".repeat(5000), null)
                .stageInto(second);
        new TwinTransformer(mapping).transform(second, state);

        // then the row is rejected, and a keeps the link it had (a bad value must not delete it)
        assertThat(TestBatches.rejects(second))
                .extracting(r -> r.get("code").asText())
                .containsExactly("STRING_TOO_LONG");
        assertThat(TestBatches.twinFile(second, "thing-a").relationships())
                .isEqualTo(TestBatches.twinFile(first, "thing-a").relationships());
    }

    @Test
    void aWholeReadMissingMoreThanTheLimitOfTheLinksRemovesNoneAndSaysWhy() {
        // given a committed batch with the links a->b, a->c and b->c
        Mapping mapping = mapping("remove");
        StateArea state = new LocalStagingStore(staging.resolve("store")).state();
        Batch first = committedThreeLinks(mapping, state);

        // when the whole link table comes back empty (a broken query or a table being reloaded)
        Batch second = TestBatches.newBatch(staging.resolve("second"));
        things(second);
        links().stageInto(second);
        new TwinTransformer(mapping).transform(second, state);

        // then every twin keeps its links, the batch says why, and the next batch checks them again
        assertThat(TestBatches.rejects(second)).singleElement().satisfies(reject -> {
            assertThat(reject.get("code").asText()).isEqualTo("TOO_MANY_MISSING_ROWS");
            assertThat(reject.get("field").asText()).isEqualTo("relationship.missingLimit");
            assertThat(reject.get("reason").asText())
                    .contains("3 of the 3 rows link entity thing-link had")
                    .contains("none of their 'linksTo' relationships was removed");
        });
        for (String twin : List.of("thing-a", "thing-b")) {
            assertThat(TestBatches.twinFile(second, twin).relationships())
                    .as(twin)
                    .isEqualTo(TestBatches.twinFile(first, twin).relationships());
        }
        assertThat(TestBatches.jsonLines(second, PresenceStore.batchFile("thing-link")))
                .hasSize(3);
    }

    @Test
    void aWholeReadMissingNoMoreThanTheLimitOfTheLinksRemovesThem() {
        // given a committed batch with three links
        Mapping mapping = mapping("remove");
        StateArea state = new LocalStagingStore(staging.resolve("store")).state();
        committedThreeLinks(mapping, state);

        // when one of the three rows is gone (a third: under the default limit of half)
        Batch second = TestBatches.newBatch(staging.resolve("second"));
        things(second);
        links().row("a", "b", null, null, null).row("b", "c", null, null, null).stageInto(second);
        new TwinTransformer(mapping).transform(second, state);

        // then its relationship is no longer listed, and nothing is rejected
        assertThat(TestBatches.rejects(second)).isEmpty();
        assertThat(TestBatches.twinFile(second, "thing-a").relationships())
                .extracting(r -> r.get("$relationshipId").asText())
                .containsExactly("linksTo-thing-b");
        assertThat(TestBatches.twinFile(second, "thing-a").ownedRelationships()).containsExactly("linksTo");
    }

    /** A first batch with the links a->b, a->c and b->c, transformed and its presence lists committed. */
    private Batch committedThreeLinks(Mapping mapping, StateArea state) {
        Batch first = TestBatches.newBatch(staging.resolve("first"));
        things(first);
        links().row("a", "b", null, null, null)
                .row("a", "c", null, null, null)
                .row("b", "c", null, null, null)
                .stageInto(first);
        new TwinTransformer(mapping).transform(first, state);
        PresenceStore.commit(first, state);
        return first;
    }
}
