package io.twinsync.dtdl;

import static io.twinsync.dtdl.Models.model;
import static io.twinsync.dtdl.Models.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.dtdl.model.DtdlInterface;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelSetTests {

    private static final String ASSET = "dtmi:example:Asset;1";
    private static final String EQUIPMENT = "dtmi:example:Equipment;1";
    private static final String PUMP = "dtmi:example:Pump;1";
    private static final String METER = "dtmi:example:Meter;1";
    private static final String FLOOR = "dtmi:example:Floor;1";

    /** Pump extends Equipment extends Asset; Pump has a Meter component and a relationship to Floor. */
    private static ModelSet plant() {
        DtdlReader.Result result = read(
                "Pump.json",
                model(
                        PUMP,
                        EQUIPMENT,
                        "{'@type':'Component','name':'meter','schema':'" + METER + "'},"
                                + "{'@type':'Relationship','name':'locatedIn','target':'" + FLOOR + "'},"
                                + "{'@type':'Property','name':'flow','schema':'double'}"),
                "Floor.json",
                model(FLOOR, "", "{'@type':'Relationship','name':'hosts','target':'" + PUMP + "'}"),
                "Equipment.json",
                model(EQUIPMENT, ASSET, "{'@type':'Property','name':'serial','schema':'string'}"),
                "Meter.json",
                model(METER, "", "{'@type':'Property','name':'reading','schema':'long'}"),
                "Asset.json",
                model(ASSET, "", "{'@type':'Property','name':'name','schema':'string'}"));
        assertThat(result.problems()).isEmpty();
        return result.models();
    }

    @Test
    void aModelHoldsItsOwnAndInheritedContentsNearestFirst() {
        // when
        ModelSet models = plant();

        // then
        assertThat(models.lineage(PUMP)).extracting(DtdlInterface::id).containsExactly(PUMP, EQUIPMENT, ASSET);
        assertThat(models.propertyNames(PUMP)).containsExactly("flow", "serial", "name");
        assertThat(models.property(PUMP, "serial").orElseThrow().declaredIn()).isEqualTo(EQUIPMENT);
        assertThat(models.component(PUMP, "meter").orElseThrow().interfaceId()).isEqualTo(METER);
        assertThat(models.isA(PUMP, ASSET)).isTrue();
        assertThat(models.isA(ASSET, PUMP)).isFalse();
    }

    @Test
    void dependencyOrderPutsWhatIsExtendedAndUsedAsAComponentFirstButNotRelationshipTargets() {
        // when
        List<String> order = plant().dependencyOrder();

        // then Asset < Equipment < Pump and Meter < Pump; Floor and Pump, which target each other, keep read order
        assertThat(order).containsExactly(ASSET, EQUIPMENT, METER, PUMP, FLOOR);
    }

    @Test
    void theClosureOfAModelFollowsExtendsAndComponentsButNotTargets() {
        // when
        Set<String> closure = plant().closure(List.of(PUMP));

        // then
        assertThat(closure).containsExactlyInAnyOrder(PUMP, EQUIPMENT, ASSET, METER);
    }

    @Test
    void aModelNamedOnlyAsARelationshipTargetHasNoDependents() {
        // given
        ModelSet models = plant();

        // then Floor may go (ADT deletes it: ModelsTest.modelLifecycleTest), Equipment may not
        assertThat(models.dependents(FLOOR)).isEmpty();
        assertThat(models.dependents(EQUIPMENT)).containsExactly(PUMP);
        assertThat(models.dependents(METER)).containsExactly(PUMP);
    }

    @Test
    void withoutADocumentTheSetForgetsItsInterfaces() {
        // given
        ModelSet models = plant();

        // when
        ModelSet fewer = models.without(FLOOR);

        // then
        assertThat(fewer.contains(FLOOR)).isFalse();
        assertThat(fewer.ids()).containsExactly(PUMP, EQUIPMENT, METER, ASSET);
        assertThat(models.contains(FLOOR)).isTrue();
    }

    @Test
    void withoutTheOnlyModelNeedingAMissingInterfaceItIsNoLongerMissing() {
        // given Valve extends an interface nobody defines, and Pump is complete
        ModelSet models = read(
                        "Valve.json",
                        model("dtmi:example:Valve;1", "dtmi:example:Missing;1", ""),
                        "Asset.json",
                        model(ASSET, "", ""))
                .models();

        // when
        ModelSet fewer = models.without("dtmi:example:Valve;1");

        // then
        assertThat(models.unresolvedReferences()).containsOnlyKeys("dtmi:example:Missing;1");
        assertThat(fewer.unresolvedReferences()).isEmpty();
    }

    @Test
    void dependentsStayRightAsDocumentsGoOneByOne() {
        // given
        ModelSet models = plant();
        assertThat(models.dependents(ASSET)).containsExactly(EQUIPMENT);
        Set<String> equipmentDependents = models.dependents(EQUIPMENT);
        assertThat(equipmentDependents).contains(PUMP);

        // when Pump, then Equipment go
        ModelSet withoutPump = models.without(PUMP);
        ModelSet withoutEquipment = withoutPump.without(EQUIPMENT);

        // then
        assertThat(withoutPump.dependents(METER)).isEmpty();
        assertThat(withoutPump.dependents(EQUIPMENT)).isEmpty();
        assertThat(withoutPump.dependents(ASSET)).containsExactly(EQUIPMENT);
        assertThat(withoutEquipment.dependents(ASSET)).isEmpty();
        assertThat(withoutEquipment.dependencyOrder()).containsExactly(FLOOR, METER, ASSET);
        // and the set they were made from still has its own
        assertThat(models.dependents(ASSET)).containsExactly(EQUIPMENT);
        assertThat(models.dependents(EQUIPMENT)).isEqualTo(equipmentDependents);
    }

    @Test
    void documentsAreCopiesInDependencyOrder() {
        // given
        ModelSet models = plant();

        // when
        List<ObjectNode> documents = models.documents();
        documents.get(0).put("@id", "dtmi:changed;1");

        // then
        assertThat(documents).extracting(d -> d.path("@type").asText()).containsOnly("Interface");
        assertThat(models.documents().get(0).path("@id").asText()).isEqualTo(ASSET);
    }
}
