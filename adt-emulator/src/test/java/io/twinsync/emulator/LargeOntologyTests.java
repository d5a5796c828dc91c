package io.twinsync.emulator;

import static io.twinsync.emulator.AdtAssertions.assertAdtError;
import static io.twinsync.emulator.GeneratedOntology.addressProperty;
import static io.twinsync.emulator.GeneratedOntology.chain;
import static io.twinsync.emulator.GeneratedOntology.componentName;
import static io.twinsync.emulator.GeneratedOntology.leafId;
import static io.twinsync.emulator.GeneratedOntology.readingsProperty;
import static io.twinsync.emulator.GeneratedOntology.relationshipName;
import static io.twinsync.emulator.GeneratedOntology.statusProperty;
import static io.twinsync.emulator.GeneratedOntology.valueProperty;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.models.DigitalTwinsModelData;
import com.azure.digitaltwins.core.models.ListModelsOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A RealEstateCore-sized ontology ({@link GeneratedOntology}: 441 DTDL v3 interfaces, extends chains 10 deep (DTDL's limit),
 * components, relationships with targets and properties, Enums, Objects and Maps) uploaded through the SDK in
 * batches, then valid and invalid twins and relationships written against it.
 */
class LargeOntologyTests {

    /** Family 2 ("Equipment"); its level-5 value is a double, its deepest chain node carries everything. */
    private static final int FAMILY = 2;

    /** The deepest chain level (even: it declares an Object property; the level above it a Map). */
    private static final int DEEP = GeneratedOntology.DEPTH - 1;

    private static AdtEmulator emulator;
    private static DigitalTwinsClient client;
    private static List<Integer> batchSizes;

    @BeforeAll
    static void uploadOntology() {
        emulator = TestEmulators.start();
        client = SdkClients.sync(emulator);
        batchSizes = new ArrayList<>();
        List<String> models = GeneratedOntology.interfaces();
        for (int from = 0; from < models.size(); from += 250) {
            List<String> batch = models.subList(from, Math.min(models.size(), from + 250));
            client.createModels(batch);
            batchSizes.add(batch.size());
        }
        // targets of the relationships used below, one of them a subtype of the declared target
        createTwin(twin("target-subtype", leafId(FAMILY + 1, DEEP / 2, 0)));
        createTwin(twin("target-other-family", chain(FAMILY + 2, DEEP / 2)));
        createTwin(twin("shallow-source", chain(FAMILY, 0)));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void theWholeOntologyIsUploadedInBatchesOfAtMost250() {
        // when
        long models = client.listModels().stream().count();
        List<String> deepDependencies =
                client
                        .listModels(new ListModelsOptions().setDependenciesFor(List.of(leafId(FAMILY, DEEP, 3))), null)
                        .stream()
                        .map(DigitalTwinsModelData::getModelId)
                        .toList();

        // then
        assertThat(models).isEqualTo(441);
        assertThat(batchSizes).containsExactly(250, 191);
        assertThat(deepDependencies)
                .contains(
                        GeneratedOntology.ROOT,
                        chain(FAMILY, 0),
                        chain(FAMILY, DEEP),
                        GeneratedOntology.capabilityId(FAMILY))
                .as("a relationship target is not a dependency")
                .doesNotContain(chain(FAMILY + 1, DEEP / 2));
    }

    @Test
    void aDeepTwinHoldsInheritedPropertiesOfEveryKindAndItsComponent() {
        // when
        BasicDigitalTwin created = createTwin(validDeepTwin("deep-valid", leafId(FAMILY, DEEP, 1)));

        // then
        BasicDigitalTwin read = client.getDigitalTwin(created.getId(), BasicDigitalTwin.class);
        assertThat(read.getMetadata().getModelId()).isEqualTo(leafId(FAMILY, DEEP, 1));
        assertThat(read.getContents())
                .containsEntry("name", "chiller 1")
                .containsEntry(valueProperty(FAMILY, 5), 21.5)
                .containsEntry(statusProperty(FAMILY, DEEP), "active")
                .containsEntry(readingsProperty(FAMILY, DEEP - 1), Map.of("t1", 3.5))
                .containsKey(componentName(FAMILY));
        assertThat(read.getContents().get(addressProperty(FAMILY, DEEP)))
                .isEqualTo(Map.of("street", "Main", "zip", "1000", "floors", 3));
    }

    @Test
    void aRelationshipToASubtypeOfTheDeclaredTargetIsAccepted() {
        // given
        createTwin(validDeepTwin("source-ok", chain(FAMILY, DEEP)));
        BasicRelationship relationship = new BasicRelationship(
                        "feeds", "source-ok", "target-subtype", relationshipName(FAMILY, DEEP))
                .addProperty("since", "2024-01-31")
                .addProperty("weight", 0.5);

        // when
        BasicRelationship created =
                client.createOrReplaceRelationship("source-ok", "feeds", relationship, BasicRelationship.class);

        // then
        assertThat(created.getTargetId()).isEqualTo("target-subtype");
        assertThat(created.getProperties()).containsEntry("weight", 0.5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTwins")
    void anInvalidTwinIsRefusedNamingTheProperty(
            String problem, UnaryOperator<BasicDigitalTwin> breakIt, String code, String named) {
        // given a valid deep twin with one thing wrong
        BasicDigitalTwin twin = breakIt.apply(validDeepTwin("invalid-" + named, leafId(FAMILY, DEEP, 2)));

        // when / then
        assertAdtError(() -> createTwin(twin), 400, code, named);
        assertAdtError(() -> client.getDigitalTwin(twin.getId(), BasicDigitalTwin.class), 404, "DigitalTwinNotFound");
    }

    static Stream<Arguments> invalidTwins() {
        return Stream.of(
                invalid("unknown property", t -> t.addToContents("colour", "red"), "colour"),
                invalid(
                        "property of another family",
                        t -> t.addToContents(valueProperty(FAMILY + 1, 0), 1),
                        valueProperty(FAMILY + 1, 0)),
                invalid(
                        "string for a double",
                        t -> t.addToContents(valueProperty(FAMILY, 5), "warm"),
                        valueProperty(FAMILY, 5)),
                invalid(
                        "value outside the enum",
                        t -> t.addToContents(statusProperty(FAMILY, 3), "demolished"),
                        statusProperty(FAMILY, 3)),
                invalid(
                        "object field of the wrong type",
                        t -> t.addToContents(addressProperty(FAMILY, DEEP), Map.of("floors", "three")),
                        addressProperty(FAMILY, DEEP)),
                invalid(
                        "map value of the wrong type",
                        t -> t.addToContents(readingsProperty(FAMILY, DEEP - 1), Map.of("t1", "hot")),
                        readingsProperty(FAMILY, DEEP - 1)),
                invalid(
                        "missing component",
                        t -> {
                            t.getContents().remove(componentName(FAMILY));
                            return t;
                        },
                        componentName(FAMILY)),
                invalid(
                        "unknown property in the component",
                        t -> t.addToContents(componentName(FAMILY), Map.of("$metadata", Map.of(), "speed", 3)),
                        "speed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRelationships")
    void anInvalidRelationshipIsRefusedNamingTheProblem(
            String problem,
            String source,
            String target,
            String name,
            Map<String, Object> properties,
            String code,
            String named) {
        // given
        if (source.equals("source-checked")) {
            createTwin(validDeepTwin("source-checked", chain(FAMILY, DEEP)));
        }
        BasicRelationship relationship = new BasicRelationship("bad", source, target, name);
        properties.forEach(relationship::addProperty);

        // when / then
        assertAdtError(
                () -> client.createOrReplaceRelationship(source, "bad", relationship, BasicRelationship.class),
                400,
                code,
                named);
    }

    static Stream<Arguments> invalidRelationships() {
        String name = relationshipName(FAMILY, DEEP);
        String target = chain(FAMILY + 1, DEEP / 2);
        return Stream.of(
                Arguments.of(
                        "target of the wrong model",
                        "source-checked",
                        "target-other-family",
                        name,
                        Map.of(),
                        "InvalidRelationship",
                        target),
                Arguments.of(
                        "relationship declared only deeper in the chain",
                        "shallow-source",
                        "target-subtype",
                        name,
                        Map.of(),
                        "InvalidRelationship",
                        name),
                Arguments.of(
                        "relationship property of the wrong type",
                        "source-checked",
                        "target-subtype",
                        name,
                        Map.of("weight", "heavy"),
                        "ValidationFailed",
                        "weight"),
                Arguments.of(
                        "undeclared relationship property",
                        "source-checked",
                        "target-subtype",
                        name,
                        Map.of("colour", "red"),
                        "ValidationFailed",
                        "colour"));
    }

    /** A twin of {@code model} (chain level 9 of {@link #FAMILY} or a leaf under it) using every kind of property. */
    private static BasicDigitalTwin validDeepTwin(String id, String model) {
        return twin(id, model)
                .addToContents("name", "chiller 1")
                .addToContents("identifiers", Map.of("erp", "EQ-1"))
                .addToContents(valueProperty(FAMILY, 5), 21.5)
                .addToContents(statusProperty(FAMILY, DEEP), "active")
                .addToContents(addressProperty(FAMILY, DEEP), Map.of("street", "Main", "zip", "1000", "floors", 3))
                .addToContents(readingsProperty(FAMILY, DEEP - 1), Map.of("t1", 3.5))
                .addToContents(
                        componentName(FAMILY), Map.of("$metadata", Map.of(), "setpoint", 6.5, "mode", "cooling"));
    }

    private static BasicDigitalTwin twin(String id, String model) {
        return new BasicDigitalTwin(id).setMetadata(new BasicDigitalTwinMetadata().setModelId(model));
    }

    private static BasicDigitalTwin createTwin(BasicDigitalTwin twin) {
        return client.createOrReplaceDigitalTwin(twin.getId(), twin, BasicDigitalTwin.class);
    }

    private static Arguments invalid(String problem, UnaryOperator<BasicDigitalTwin> breakIt, String named) {
        return Arguments.of(problem, breakIt, "ValidationFailed", named);
    }
}
