package io.twinsync.orchestrator.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.extract.watermark.Watermark;
import io.twinsync.extract.watermark.WatermarkStore;
import io.twinsync.extract.watermark.Watermarks;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.rows.ValueType;
import io.twinsync.transform.mapping.EntityMapping;
import io.twinsync.transform.mapping.IdTemplate;
import io.twinsync.transform.mapping.SourceSpec;
import io.twinsync.transform.mapping.TwinSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sync state per target, and the origins that decide when an entity's state is set aside. */
class TargetStateTests {

    private static final String SOURCE = "jdbc:postgresql://erp.example/plant";

    @TempDir
    Path dir;

    @Test
    void aTargetWithNoStateReadsEveryEntityWholeSayingWhy() {
        TargetState state = TargetState.of(new LocalStagingStore(dir), "adt-1");

        Map<String, String> afresh = state.afresh(origins(SOURCE, "Equipment", "asset-{AssetTag}"));

        assertThat(afresh).containsOnlyKeys("equipment");
        assertThat(afresh.get("equipment")).contains("no sync state for this target yet");
    }

    @Test
    void committedStateIsUsedForTheSameOriginAndSetAsideWhenTheSourceQueryOrTwinsChange() {
        // given a batch committed for the first target
        LocalStagingStore staging = new LocalStagingStore(dir);
        TargetState state = TargetState.of(staging, "adt-1");
        commit(staging, state, origins(SOURCE, "Equipment", "asset-{AssetTag}"));

        // then the same origin starts nothing afresh, and each change says what changed
        assertThat(state.afresh(origins(SOURCE, "Equipment", "asset-{AssetTag}")))
                .isEmpty();
        assertThat(state.afresh(origins("jdbc:sqlserver://other;databaseName=erp", "Equipment", "asset-{AssetTag}")))
                .containsEntry("equipment", "the source changed (was " + SOURCE + ")");
        assertThat(state.afresh(origins(SOURCE, "Assets", "asset-{AssetTag}")).get("equipment"))
                .startsWith("its table, query, key or watermark changed (was table Equipment");
        assertThat(state.afresh(origins(SOURCE, "Equipment", "eq-{AssetTag}")).get("equipment"))
                .startsWith("its model or twin id changed");
    }

    @Test
    void anotherTargetSeesNoneOfTheFirstTargetsState() {
        // given watermarks committed for one target
        LocalStagingStore staging = new LocalStagingStore(dir);
        TargetState first = TargetState.of(staging, "adt-1");
        commit(staging, first, origins(SOURCE, "Equipment", "asset-{AssetTag}"));

        // when another target is used
        TargetState second = TargetState.of(staging, "adt-2");

        // then it has no watermark and no origin: a first load
        assertThat(WatermarkStore.readCommitted(first.area()).of("equipment")).isPresent();
        assertThat(WatermarkStore.readCommitted(second.area()).isEmpty()).isTrue();
        assertThat(second.afresh(origins(SOURCE, "Equipment", "asset-{AssetTag}")))
                .containsKey("equipment");
    }

    @Test
    void aCommitCutShortBeforeTheOriginsLeavesTheEntityToBeReadWhole() {
        // given a committed batch from one source, then a batch from another whose commit stopped after the watermarks
        LocalStagingStore staging = new LocalStagingStore(dir);
        TargetState state = TargetState.of(staging, "adt-1");
        commit(staging, state, origins(SOURCE, "Equipment", "asset-{AssetTag}"));
        Batch other = batch(staging, "2");
        WatermarkStore.writePending(other, watermark(99));
        WatermarkStore.commit(other, state.area()); // the origins were never committed

        // then the new source's watermark is not trusted under the old origin
        assertThat(state.afresh(origins("jdbc:h2:mem:other", "Equipment", "asset-{AssetTag}")))
                .containsKey("equipment");
    }

    @Test
    void aBadTargetKeyIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TargetState.of(new LocalStagingStore(dir), "../x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void commit(LocalStagingStore staging, TargetState state, EntityOrigins origins) {
        Batch batch = batch(staging, "1");
        WatermarkStore.writePending(batch, watermark(7));
        origins.writePending(batch);
        state.commit(batch);
    }

    private static Watermarks watermark(long value) {
        return Watermarks.none().with("equipment", new Watermark("ModifiedAt", ValueType.INTEGER, value));
    }

    private static Batch batch(LocalStagingStore staging, String suffix) {
        return staging.createBatch(BatchId.newId(Instant.parse("2026-12-07T00:00:0" + suffix + "Z")));
    }

    private static EntityOrigins origins(String source, String table, String idTemplate) {
        EntityMapping entity = new EntityMapping(
                "equipment",
                new SourceSpec(null, table, List.of("EquipmentId"), "ModifiedAt"),
                new TwinSpec("dtmi:example:Pump;1", IdTemplate.parse(idTemplate), List.of()),
                List.of());
        return new EntityOrigins(Map.of("equipment", EntityOrigin.of(source, entity)));
    }
}
