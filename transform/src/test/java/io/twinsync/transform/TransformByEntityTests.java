package io.twinsync.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.staging.Batch;
import io.twinsync.staging.manifest.EntityTransform;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transform summary per entity, which the batch report shows. */
class TransformByEntityTests {

    @TempDir
    Path dir;

    @Test
    void eachEntityCountsItsOwnRowsTwinFilesAndRejects() {
        // given two entities; one row of the second makes a twin id the first made already
        Batch batch = TestBatches.newBatch(dir.resolve("staging"));
        String entity =
                """
                  - name: %s
                    source: { table: T, key: [Id] }
                    twin: { model: "dtmi:test:Thing;1", id: "thing-{Code}" }
                """;
        Mapping mapping =
                MappingLoader.load(TestMappings.write(dir, entity.formatted("thing") + entity.formatted("other")));
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING")
                .row(1L, "A")
                .row(2L, "B")
                .stageInto(batch);
        TestBatches.rows("other", "Id", "Id INTEGER, Code STRING")
                .row(9L, "A")
                .row(10L, "C")
                .stageInto(batch);

        // when transformed
        TransformSummary summary = new TwinTransformer(mapping).transform(batch);

        // then
        assertThat(summary.byEntity())
                .containsOnlyKeys("thing", "other")
                .containsEntry("thing", new EntityTransform(2, 2, 0, 0, 0))
                .containsEntry("other", new EntityTransform(2, 1, 0, 0, 1));
        assertThat(summary.twinFiles()).isEqualTo(3);
    }
}
