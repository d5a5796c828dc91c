package io.twinsync.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.Batch;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.transform.mapping.EntityMapping;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingException;
import io.twinsync.transform.mapping.MappingLoader;
import io.twinsync.transform.mapping.NullHandling;
import io.twinsync.transform.mapping.PropertySpec;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nulls: remove} (a NULL removes the property) and {@code deleted:} (a flagged row becomes a tombstone). */
class NullsAndDeletionTests {

    @TempDir
    Path dir;

    Batch batch;

    @BeforeEach
    void newBatch() {
        batch = TestBatches.newBatch(dir.resolve("staging"));
    }

    private Mapping thing(String twinExtraYaml) {
        return MappingLoader.load(
                TestMappings.write(
                        dir,
                        """
                  - name: thing
                    source: { table: Thing, key: [Id] }
                    twin:
                      model: dtmi:test:Thing;1
                      id: "thing-{Code}"
                """
                                + twinExtraYaml.strip().indent(6)
                                + """
                    relationships:
                      - name: partOf
                        target: "thing-{Parent}"
                """));
    }

    @Test
    void nullOfAPropertyMarkedRemoveGoesIntoRemovals() {
        // given label removed on NULL and text kept on NULL (the short form)
        Mapping mapping = thing(
                """
                properties:
                  label: { column: Label, nulls: remove }
                  text: Text
                """);
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Label STRING, Text STRING, Parent STRING")
                .row(1L, "A", null, null, null)
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then only label is to be removed, and neither is in the document
        TwinFile file = TestBatches.twinFile(batch, "thing-A");
        assertThat(file.removals()).containsExactly("/label");
        assertThat(file.twin().has("label")).isFalse();
        assertThat(file.twin().has("text")).isFalse();
    }

    @Test
    void twinLevelNullsIsTheDefaultThatAPropertyMayOverride() {
        // given nulls: remove for the twin, and keep for text
        Mapping mapping = thing(
                """
                nulls: remove
                properties:
                  label: Label
                  text: { column: Text, nulls: keep }
                """);

        // when loaded, then each property carries its own rule
        EntityMapping thing = mapping.entity("thing").orElseThrow();
        assertThat(thing.twin().properties())
                .containsExactly(
                        new PropertySpec("label", "Label", NullHandling.REMOVE),
                        new PropertySpec("text", "Text", NullHandling.KEEP));
    }

    @Test
    void valueOfAPropertyMarkedRemoveIsWrittenAsUsual() {
        // given label removed on NULL, and a row with a label
        Mapping mapping = thing("properties:\n  label: { column: Label, nulls: remove }");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Label STRING, Parent STRING")
                .row(1L, "A", "set", null)
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then it is set, and nothing is removed
        TwinFile file = TestBatches.twinFile(batch, "thing-A");
        assertThat(file.twin().get("label").asText()).isEqualTo("set");
        assertThat(file.removals()).isEmpty();
    }

    @Test
    void unknownNullHandlingIsAMappingError() {
        // given nulls: drop
        Path file = TestMappings.write(
                dir,
                """
                  - name: thing
                    source: { table: Thing, key: [Id] }
                    twin:
                      model: dtmi:test:Thing;1
                      id: "thing-{Code}"
                      properties:
                        label: { column: Label, nulls: drop, colum: X }
                """);

        // when loaded, then both the value and the misspelt key are named
        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p)
                                .startsWith("entity 'thing': twin.properties.label.nulls: 'drop' is not")
                                .contains("keep", "remove"))
                        .anySatisfy(p -> assertThat(p).startsWith("entity 'thing': twin.properties.label.colum:")));
    }

    @Test
    void flaggedRowBecomesATombstoneWithOnlyIdAndModel() {
        // given rows flagged deleted by 'Y', by 1 and by true, and one not flagged
        Mapping mapping = thing(
                """
                properties: { label: Label }
                deleted: { column: Gone, when: [true, 1, 'Y'] }
                """);
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Label STRING, Parent STRING, Gone STRING")
                .row(1L, "A", "a", "B", "y")
                .row(2L, "B", "b", "A", "1.00")
                .row(3L, "C", "c", "A", "TRUE")
                .row(4L, "D", "d", "A", "N")
                .row(5L, "E", "e", "A", null)
                .stageInto(batch);

        // when transformed
        TransformSummary summary = new TwinTransformer(mapping).transform(batch);

        // then the flagged rows are tombstones without properties or relationships
        TwinFile a = TestBatches.twinFile(batch, "thing-A");
        assertThat(a.tombstone()).isTrue();
        assertThat(a.twin().toString())
                .isEqualTo("{\"$dtId\":\"thing-A\",\"$metadata\":{\"$model\":\"dtmi:test:Thing;1\"}}");
        assertThat(a.relationships()).isEmpty();
        assertThat(TestBatches.twinFile(batch, "thing-B").tombstone()).isTrue();
        assertThat(TestBatches.twinFile(batch, "thing-C").tombstone()).isTrue();
        assertThat(TestBatches.twinFile(batch, "thing-D").tombstone()).isFalse();
        assertThat(TestBatches.twinFile(batch, "thing-E").tombstone()).isFalse();
        assertThat(summary.twinFiles()).isEqualTo(5);
        assertThat(summary.tombstones()).isEqualTo(3);
        assertThat(summary.relationships()).isEqualTo(2);
    }

    @Test
    void flagOfATypedColumnMatchesByValue() {
        // given a BOOLEAN flag column and the default when ([true])
        Mapping mapping = thing("deleted: { column: Gone }");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Parent STRING, Gone BOOLEAN")
                .row(1L, "A", null, true)
                .row(2L, "B", null, false)
                .stageInto(batch);

        // when transformed
        new TwinTransformer(mapping).transform(batch);

        // then only true is deleted
        assertThat(TestBatches.twinFile(batch, "thing-A").tombstone()).isTrue();
        assertThat(TestBatches.twinFile(batch, "thing-B").tombstone()).isFalse();
    }

    @Test
    void flaggedRowWithABadValueIsStillATombstone() {
        // given a deleted row whose count is not a number
        Mapping mapping = thing("properties: { count: Count }\ndeleted: { column: Gone, when: [1] }");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Count STRING, Parent STRING, Gone DECIMAL")
                .row(1L, "A", "many", null, new BigDecimal("1"))
                .stageInto(batch);

        // when transformed
        TransformSummary summary = new TwinTransformer(mapping).transform(batch);

        // then its properties are not looked at
        assertThat(summary.rowsRejected()).isZero();
        assertThat(TestBatches.twinFile(batch, "thing-A").tombstone()).isTrue();
    }

    @Test
    void flaggedRowWithoutAnIdIsRejected() {
        // given a deleted row whose id column is NULL
        Mapping mapping = thing("deleted: { column: Gone, when: ['Y'] }");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Parent STRING, Gone STRING")
                .row(1L, null, null, "Y")
                .stageInto(batch);

        // when transformed
        TransformSummary summary = new TwinTransformer(mapping).transform(batch);

        // then the id rules still apply
        assertThat(summary.rowsRejected()).isEqualTo(1);
        assertThat(summary.tombstones()).isZero();
        assertThat(TestBatches.rejects(batch))
                .singleElement()
                .satisfies(r -> assertThat(r.get("code").asText()).isEqualTo("MISSING_ID_VALUE"));
    }

    @Test
    void flagColumnMissingFromTheRowsFailsAtStart() {
        // given a flag column that is not staged
        Mapping mapping = thing("deleted: { column: Gone }");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Parent STRING")
                .row(1L, "A", null)
                .stageInto(batch);

        // when transformed, then the column is named
        assertThatThrownBy(() -> new TwinTransformer(mapping).transform(batch))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("twin.deleted.column: column 'Gone' is not in");
    }

    @Test
    void deletedWithoutAColumnOrWithAnEmptyWhenIsAMappingError() {
        // given a deleted without column and with when: []
        Path file = TestMappings.write(
                dir,
                """
                  - name: thing
                    source: { table: Thing, key: [Id] }
                    twin:
                      model: dtmi:test:Thing;1
                      id: "thing-{Code}"
                      deleted: { when: [] }
                """);

        // when loaded, then both are named
        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .containsExactlyInAnyOrder(
                                "entity 'thing': twin.deleted.column: is required",
                                "entity 'thing': twin.deleted.when: must list at least one value"));
    }

    @Test
    void flagColumnIsAmongTheColumnsTheMappingReads() {
        // given a deletion flag
        Mapping mapping = thing("deleted: { column: Gone }");

        // when its columns are listed, then the flag is one
        assertThat(mapping.entity("thing").orElseThrow().columns()).contains("Gone");
    }
}
