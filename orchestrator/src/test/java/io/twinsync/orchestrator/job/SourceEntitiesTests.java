package io.twinsync.orchestrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.dtdl.ModelSet;
import io.twinsync.extract.SourceEntity;
import io.twinsync.orchestrator.state.EntityOrigin;
import io.twinsync.transform.mapping.EntityMapping;
import io.twinsync.transform.mapping.IdTemplate;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.SourceSpec;
import io.twinsync.transform.mapping.TwinSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What extract is asked to read for a mapping entity with {@code source.changeTracking}. */
class SourceEntitiesTests {

    private static EntityMapping equipment(boolean changeTracking) {
        return new EntityMapping(
                "equipment",
                new SourceSpec(null, "dbo.Equipment", List.of("EquipmentId"), null, changeTracking),
                new TwinSpec("dtmi:test:Equipment;1", IdTemplate.parse("equipment-{EquipmentId}"), List.of(), null),
                List.of());
    }

    @Test
    void changeTrackingReachesTheExtractAndCountsAsIncremental() {
        // given a mapping entity read with change tracking
        Mapping mapping = new Mapping("mapping.yaml", List.of(equipment(true)), ModelSet.empty(), Map.of());

        // when turned into what extract reads
        SourceEntity entity = SourceEntities.of(mapping).get(0);

        // then extract reads dbo.Equipment through change tracking
        assertThat(entity.changeTracking()).isTrue();
        assertThat(entity.table()).isEqualTo("dbo.Equipment");
        assertThat(entity.readsIncrementally()).isTrue();
    }

    @Test
    void switchingChangeTrackingOnChangesTheEntitysOrigin() {
        // given the same entity without and with change tracking
        EntityOrigin before = EntityOrigin.of("jdbc:sqlserver://erp", equipment(false));
        EntityOrigin after = EntityOrigin.of("jdbc:sqlserver://erp", equipment(true));

        // then their origins differ, so the kept state is set aside and the entity read whole
        assertThat(after.read()).endsWith("; change tracking");
        assertThat(after).isNotEqualTo(before);
    }
}
