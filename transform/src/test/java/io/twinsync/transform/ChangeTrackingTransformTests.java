package io.twinsync.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.Batch;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingException;
import io.twinsync.transform.mapping.MappingLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code source.changeTracking: true}: rows staged by a SQL Server change tracking read carry SYS_CHANGE_OPERATION,
 * and a D there deletes the twin through the same tombstones as {@code twin.deleted}.
 */
class ChangeTrackingTransformTests {

    @TempDir
    Path dir;

    Batch batch;

    @BeforeEach
    void newBatch() {
        batch = TestBatches.newBatch(dir.resolve("staging"));
    }

    private Mapping thing(String sourceYaml, String twinExtraYaml) {
        return MappingLoader.load(TestMappings.write(
                dir,
                """
                  - name: thing
                    source: %s
                    twin:
                      model: dtmi:test:Thing;1
                      id: "thing-{Id}"
                      properties: { label: Label }
                """
                                .formatted(sourceYaml)
                        + twinExtraYaml.strip().indent(6)));
    }

    @Test
    void aDeletedChangeRowBecomesATombstoneOfItsTwin() {
        // given a change tracking entity and the changes read: an insert, an update and a delete (whose row is gone,
        // so only its key is known)
        Mapping mapping = thing("{ table: dbo.Thing, key: [Id], changeTracking: true }", "");
        TestBatches.rows("thing", "Id", "SYS_CHANGE_OPERATION STRING, Id INTEGER, Label STRING")
                .row("I", 1L, "new")
                .row("U", 2L, "changed")
                .row("D", 3L, null)
                .stageInto(batch);

        // when transformed
        TransformSummary summary = new TwinTransformer(mapping).transform(batch);

        // then the deleted row's twin is a tombstone and the others are written as usual
        TwinFile deleted = TestBatches.twinFile(batch, "thing-3");
        assertThat(deleted.tombstone()).isTrue();
        assertThat(deleted.twin().toString())
                .isEqualTo("{\"$dtId\":\"thing-3\",\"$metadata\":{\"$model\":\"dtmi:test:Thing;1\"}}");
        assertThat(TestBatches.twinFile(batch, "thing-1").tombstone()).isFalse();
        assertThat(TestBatches.twinFile(batch, "thing-2").twin().get("label").asText())
                .isEqualTo("changed");
        assertThat(summary.tombstones()).isEqualTo(1);
        assertThat(summary.rowsRejected()).isZero();
    }

    @Test
    void aWholeReadWithANullOperationDeletesNothing() {
        // given the first (whole) read of a change tracking entity
        Mapping mapping = thing("{ table: dbo.Thing, key: [Id], changeTracking: true }", "");
        TestBatches.rows("thing", "Id", "SYS_CHANGE_OPERATION STRING, Id INTEGER, Label STRING")
                .row(null, 1L, "one")
                .stageInto(batch);

        // when transformed, then nothing is a tombstone
        assertThat(new TwinTransformer(mapping).transform(batch).tombstones()).isZero();
    }

    @Test
    void aSoftDeleteFlagStillDeletesAlongsideChangeTracking() {
        // given change tracking and a soft-delete column
        Mapping mapping =
                thing("{ table: dbo.Thing, key: [Id], changeTracking: true }", "deleted: { column: Gone, when: [1] }");
        TestBatches.rows("thing", "Id", "SYS_CHANGE_OPERATION STRING, Id INTEGER, Label STRING, Gone INTEGER")
                .row("U", 1L, "flagged", 1L)
                .row("D", 2L, null, null)
                .row("U", 3L, "kept", 0L)
                .stageInto(batch);

        // when transformed, then both the flagged and the deleted row are tombstones
        new TwinTransformer(mapping).transform(batch);
        assertThat(TestBatches.twinFile(batch, "thing-1").tombstone()).isTrue();
        assertThat(TestBatches.twinFile(batch, "thing-2").tombstone()).isTrue();
        assertThat(TestBatches.twinFile(batch, "thing-3").tombstone()).isFalse();
    }

    @Test
    void changeTrackingWithAQueryIsAMappingError() {
        assertThatThrownBy(() -> thing("{ query: SELECT * FROM Thing, key: [Id], changeTracking: true }", ""))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .anySatisfy(p ->
                                assertThat(p).contains("source.changeTracking").contains("reads a table")));
    }

    @Test
    void changeTrackingWithAWatermarkIsAMappingError() {
        assertThatThrownBy(() -> thing("{ table: Thing, key: [Id], watermark: RowVer, changeTracking: true }", ""))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("remove watermark or changeTracking")));
    }

    @Test
    void changeTrackingWithDeletionOfMissingRowsIsAMappingError() {
        assertThatThrownBy(
                        () -> thing("{ table: Thing, key: [Id], changeTracking: true }", "deleted: { missing: true }"))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("already sees deleted rows")));
    }

    @Test
    void aTwinIdFromNonKeyColumnsIsAMappingErrorUnderChangeTracking() {
        // given an id made of Code, which a deleted row does not bring
        Path file = TestMappings.write(
                dir,
                """
                  - name: thing
                    source: { table: Thing, key: [Id], changeTracking: true }
                    twin:
                      model: dtmi:test:Thing;1
                      id: "thing-{Code}"
                """);

        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOfSatisfying(
                        MappingException.class, e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                                .contains("twin.id")
                                .contains("may use only those")
                                .contains("[Code]")));
    }
}
