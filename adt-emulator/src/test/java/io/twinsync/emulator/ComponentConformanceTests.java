package io.twinsync.emulator;

import static io.twinsync.emulator.AdtAssertions.assertAdtError;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.models.JsonPatchDocument;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.models.DigitalTwinsResponse;
import com.azure.digitaltwins.core.models.UpdateComponentOptions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Component reads and patches with the twin's ETag, and their 404 and 412 cases, through both clients. */
class ComponentConformanceTests {

    private static AdtEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = TestEmulators.start();
        SdkClients.sync(emulator).createModels(TestModels.all());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void aComponentIsReadAndPatchedUnderTheTwinsETag(SdkFlavour.Kind kind) {
        // given
        SdkFlavour sdk = kind.connect(emulator);
        String plant = plant(sdk, kind.tag("plant"));
        String etag = sdk.getTwin(plant).getDeserializedHeaders().getETag();

        // when
        DigitalTwinsResponse<Map<String, Object>> before = sdk.getComponent(plant, "hvac");
        DigitalTwinsResponse<Void> patched = sdk.updateComponent(
                plant,
                "hvac",
                new JsonPatchDocument().appendReplace("/setpoint", 19.5),
                new UpdateComponentOptions().setIfMatch(etag));

        // then
        assertThat(before.getDeserializedHeaders().getETag()).isEqualTo(etag);
        assertThat(before.getValue()).containsEntry("setpoint", 21.0).containsKey("$metadata");
        assertThat(patched.getStatusCode()).isEqualTo(204);
        assertThat(patched.getDeserializedHeaders().getETag())
                .isNotEqualTo(etag)
                .isEqualTo(sdk.getTwin(plant).getDeserializedHeaders().getETag());
        assertThat(sdk.getComponent(plant, "hvac").getValue()).containsEntry("setpoint", 19.5);
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void aMissingTwinOrComponentIsNotFound(SdkFlavour.Kind kind) {
        // given
        SdkFlavour sdk = kind.connect(emulator);
        String plant = plant(sdk, kind.tag("plant-404"));
        String ghost = kind.tag("ghost");
        JsonPatchDocument patch = new JsonPatchDocument().appendReplace("/setpoint", 1.0);

        // when / then
        assertAdtError(() -> sdk.getComponent(ghost, "hvac"), 404, "DigitalTwinNotFound", ghost);
        assertAdtError(() -> sdk.updateComponent(ghost, "hvac", patch, null), 404, "DigitalTwinNotFound", ghost);
        assertAdtError(() -> sdk.getComponent(plant, "boiler"), 404, "ComponentNotFound", "boiler");
        assertAdtError(() -> sdk.updateComponent(plant, "boiler", patch, null), 404, "ComponentNotFound", "boiler");
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void aStaleIfMatchOnAComponentPatchIsPreconditionFailed(SdkFlavour.Kind kind) {
        // given
        SdkFlavour sdk = kind.connect(emulator);
        String plant = plant(sdk, kind.tag("plant-412"));

        // when / then
        assertAdtError(
                () -> sdk.updateComponent(
                        plant,
                        "hvac",
                        new JsonPatchDocument().appendReplace("/setpoint", 5.0),
                        new UpdateComponentOptions().setIfMatch("W/\"stale\"")),
                412,
                "PreconditionFailed");
        assertThat(sdk.getComponent(plant, "hvac").getValue()).containsEntry("setpoint", 21.0);
    }

    private static String plant(SdkFlavour sdk, String id) {
        BasicDigitalTwin plant = new BasicDigitalTwin(id)
                .setMetadata(new BasicDigitalTwinMetadata().setModelId(TestModels.PLANT))
                .addToContents("hvac", Map.of("$metadata", Map.of(), "setpoint", 21.0));
        sdk.createTwin(id, plant, null);
        return id;
    }
}
