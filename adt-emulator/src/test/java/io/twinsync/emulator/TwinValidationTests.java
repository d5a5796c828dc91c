package io.twinsync.emulator;

import static io.twinsync.emulator.AdtAssertions.assertAdtError;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.models.JsonPatchDocument;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Twin writes are checked against the models, as ADT checks them. */
class TwinValidationTests {

    private static AdtEmulator emulator;
    private static DigitalTwinsClient client;

    @BeforeAll
    static void start() {
        emulator = TestEmulators.start();
        client = SdkClients.sync(emulator);
        client.createModels(TestModels.all());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void refusesAPropertyTheModelDoesNotDeclare() {
        assertAdtError(
                () -> client.createOrReplaceDigitalTwin(
                        "b-unknown", building("b-unknown").addToContents("colour", "red"), BasicDigitalTwin.class),
                400,
                "ValidationFailed",
                "colour",
                TestModels.BUILDING);
    }

    @Test
    void refusesAValueOfTheWrongType() {
        assertAdtError(
                () -> client.createOrReplaceDigitalTwin(
                        "b-type", building("b-type").addToContents("floors", "three"), BasicDigitalTwin.class),
                400,
                "ValidationFailed",
                "floors",
                "integer");
    }

    @Test
    void checksEnumsObjectsMapsAndTemporalValues() {
        // given a valid twin using every complex schema
        client.createOrReplaceDigitalTwin(
                "b-schemas",
                building("b-schemas")
                        .addToContents("status", "active")
                        .addToContents("tags", Map.of("a", "x"))
                        .addToContents("opened", "2020-01-31")
                        .addToContents("inspectedAt", "2024-05-01T10:00:00Z")
                        .addToContents("warranty", "P2Y6M"),
                BasicDigitalTwin.class);

        // when / then each wrong value is named
        assertAdtError(
                () -> client.updateDigitalTwin(
                        "b-schemas", new JsonPatchDocument().appendReplace("/status", "demolished")),
                400,
                "ValidationFailed",
                "status");
        assertAdtError(
                () -> client.updateDigitalTwin(
                        "b-schemas", new JsonPatchDocument().appendAdd("/address", Map.of("city", "Paris"))),
                400,
                "ValidationFailed",
                "city");
        assertAdtError(
                () -> client.updateDigitalTwin("b-schemas", new JsonPatchDocument().appendAdd("/tags/b", 5)),
                400,
                "ValidationFailed",
                "tags.b");
        assertAdtError(
                () -> client.updateDigitalTwin(
                        "b-schemas", new JsonPatchDocument().appendReplace("/opened", "31/01/2020")),
                400,
                "ValidationFailed",
                "opened");
    }

    @Test
    void acceptsPropertiesInheritedThroughExtends() {
        // when
        BasicDigitalTwin created = client.createOrReplaceDigitalTwin(
                "f-inherit",
                floor("f-inherit").addToContents("name", "Ground").addToContents("serial", "S1"),
                BasicDigitalTwin.class);

        // then
        assertThat(created.getContents()).containsEntry("name", "Ground").containsEntry("serial", "S1");
    }

    @Test
    void refusesStringsOverFourKilobytes() {
        assertAdtError(
                () -> client.createOrReplaceDigitalTwin(
                        "b-long", building("b-long").addToContents("name", "x".repeat(4097)), BasicDigitalTwin.class),
                400,
                "ValidationFailed",
                "name");
    }

    @Test
    void refusesBodiesOverThirtyTwoKilobytes() {
        // given a body of about 40 KB made of valid map entries
        BasicDigitalTwin big = building("b-big");
        Map<String, String> tags = new java.util.HashMap<>();
        for (int i = 0; i < 40; i++) {
            tags.put("k" + i, "v".repeat(1000));
        }
        big.addToContents("tags", tags);

        // when / then
        assertAdtError(
                () -> client.createOrReplaceDigitalTwin("b-big", big, BasicDigitalTwin.class),
                400,
                "InvalidArgument",
                "32768");
    }

    @Test
    void refusesATwinOfAnUnknownModel() {
        assertAdtError(
                () -> client.createOrReplaceDigitalTwin(
                        "x-model",
                        new BasicDigitalTwin("x-model")
                                .setMetadata(new BasicDigitalTwinMetadata().setModelId("dtmi:test:Ghost;1")),
                        BasicDigitalTwin.class),
                400,
                "ValidationFailed",
                "dtmi:test:Ghost;1");
    }

    @Test
    void componentsMustBePresentAndCanBeReadAndPatched() {
        // given
        BasicDigitalTwin plant =
                new BasicDigitalTwin("p1").setMetadata(new BasicDigitalTwinMetadata().setModelId(TestModels.PLANT));
        assertAdtError(
                () -> client.createOrReplaceDigitalTwin("p1", plant, BasicDigitalTwin.class),
                400,
                "ValidationFailed",
                "hvac");
        plant.addToContents("hvac", Map.of("$metadata", Map.of(), "setpoint", 21.0));
        client.createOrReplaceDigitalTwin("p1", plant, BasicDigitalTwin.class);

        // when
        client.updateComponent("p1", "hvac", new JsonPatchDocument().appendReplace("/setpoint", 19.5));

        // then
        @SuppressWarnings("unchecked")
        Map<String, Object> component = client.getComponent("p1", "hvac", Map.class);
        assertThat(component).containsEntry("setpoint", 19.5).containsKey("$metadata");
        assertAdtError(
                () -> client.updateComponent("p1", "hvac", new JsonPatchDocument().appendAdd("/temperature", 3.0)),
                400,
                "ValidationFailed",
                "hvac.temperature");
    }

    private static BasicDigitalTwin building(String id) {
        return new BasicDigitalTwin(id).setMetadata(new BasicDigitalTwinMetadata().setModelId(TestModels.BUILDING));
    }

    private static BasicDigitalTwin floor(String id) {
        return new BasicDigitalTwin(id).setMetadata(new BasicDigitalTwinMetadata().setModelId(TestModels.FLOOR));
    }
}
