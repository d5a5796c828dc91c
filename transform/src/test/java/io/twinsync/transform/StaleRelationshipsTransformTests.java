package io.twinsync.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.Batch;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stale: remove} on a relationship: its twin files list the relationship's name as owned. */
class StaleRelationshipsTransformTests {

    @TempDir
    Path dir;

    @TempDir
    Path staging;

    @Test
    void aRelationshipWithStaleRemoveIsOwnedByEveryTwinFileEvenWhenTheRowHasNone() {
        // given a mapping whose linksTo relationships are owned, and whose partOf ones are not
        Mapping mapping = TestMappings.thing(
                dir,
                "count: Count",
                """
                - name: linksTo
                  target: "thing-{Link}"
                  stale: remove
                - name: partOf
                  target: "thing-{Parent}"
                """);
        Batch batch = TestBatches.newBatch(staging);
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Count STRING, Link STRING, Parent STRING")
                .row(1L, "a", "1", "b", "b")
                .row(2L, "b", "2", null, null)
                .stageInto(batch);

        // when the rows are transformed
        new TwinTransformer(mapping).transform(batch);

        // then both files own linksTo only, including b's, which has no link now (its old one is to go)
        TwinFile a = TestBatches.twinFile(batch, "thing-a");
        TwinFile b = TestBatches.twinFile(batch, "thing-b");
        assertThat(a.ownedRelationships()).containsExactly("linksTo");
        assertThat(b.ownedRelationships()).containsExactly("linksTo");
        assertThat(b.relationships()).isEmpty();
        assertThat(a.hashMatchesContent()).isTrue();
        // and the batch's scope names both relationships of the entity, and linksTo as the one it owns
        io.twinsync.staging.scope.EntityScope scope = io.twinsync.staging.scope.GraphScopes.read(batch)
                .orElseThrow()
                .entities()
                .get(0);
        assertThat(scope.relationships()).containsExactly("linksTo", "partOf");
        assertThat(scope.ownedRelationships()).containsExactly("linksTo");
        assertThat(scope.extraLimit()).isEqualTo(0.5);
        assertThat(scope.deletionsHeld()).isFalse();
    }

    @Test
    void aStaleValueOtherThanKeepOrRemoveIsRefusedAtLoad() {
        assertThatThrownBy(
                        () -> TestMappings.thing(
                                dir,
                                "count: Count",
                                """
                        - name: linksTo
                          target: "thing-{Link}"
                          stale: delete
                        """))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("'delete' is not keep or remove");
    }
}
