package io.twinsync.emulator;

import static io.twinsync.emulator.AdtAssertions.assertAdtError;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.rest.Response;
import com.azure.core.models.JsonPatchDocument;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.models.CreateOrReplaceDigitalTwinOptions;
import com.azure.digitaltwins.core.models.DeleteDigitalTwinOptions;
import com.azure.digitaltwins.core.models.DigitalTwinsResponse;
import com.azure.digitaltwins.core.models.UpdateDigitalTwinOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The twin lifecycle with its preconditions, and every twin 404 and 412, through the sync and async clients. */
class TwinConformanceTests {

    private static final String STALE = "W/\"00000000-0000-0000-0000-000000000000\"";

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
    void aTwinIsCreatedReadPatchedAndDeletedUnderItsETags(SdkFlavour.Kind kind) {
        // given
        SdkFlavour sdk = kind.connect(emulator);
        String id = kind.tag("life");

        // when
        Response<BasicDigitalTwin> created = sdk.createTwin(
                id, floor(id).addToContents("level", 1), new CreateOrReplaceDigitalTwinOptions().setIfNoneMatch("*"));
        DigitalTwinsResponse<Void> patched = sdk.updateTwin(
                id,
                new JsonPatchDocument().appendReplace("/level", 2),
                new UpdateDigitalTwinOptions().setIfMatch(created.getValue().getETag()));
        DigitalTwinsResponse<BasicDigitalTwin> read = sdk.getTwin(id);
        int deleted = sdk.deleteTwin(
                        id,
                        new DeleteDigitalTwinOptions()
                                .setIfMatch(patched.getDeserializedHeaders().getETag()))
                .getStatusCode();

        // then
        assertThat(created.getStatusCode()).isEqualTo(200);
        assertThat(created.getHeaders().getValue(HttpHeaderName.ETAG))
                .isEqualTo(created.getValue().getETag());
        assertThat(patched.getStatusCode()).isEqualTo(204);
        assertThat(patched.getDeserializedHeaders().getETag())
                .isNotEqualTo(created.getValue().getETag())
                .isEqualTo(read.getDeserializedHeaders().getETag());
        assertThat(read.getValue().getContents()).containsEntry("level", 2);
        assertThat(deleted).isEqualTo(204);
        assertAdtError(() -> sdk.getTwin(id), 404, "DigitalTwinNotFound", id);
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void everyOperationOnAMissingTwinIsDigitalTwinNotFound(SdkFlavour.Kind kind) {
        // given
        SdkFlavour sdk = kind.connect(emulator);
        String ghost = kind.tag("ghost");

        // when / then
        assertAdtError(() -> sdk.getTwin(ghost), 404, "DigitalTwinNotFound", ghost);
        assertAdtError(
                () -> sdk.updateTwin(ghost, new JsonPatchDocument().appendAdd("/level", 1), null),
                404,
                "DigitalTwinNotFound",
                ghost);
        assertAdtError(() -> sdk.deleteTwin(ghost, null), 404, "DigitalTwinNotFound", ghost);
        assertAdtError(() -> sdk.listRelationshipPages(ghost), 404, "DigitalTwinNotFound", ghost);
        assertAdtError(() -> sdk.listIncomingPages(ghost), 404, "DigitalTwinNotFound", ghost);
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void ifNoneMatchStarOnAnExistingTwinIsPreconditionFailed(SdkFlavour.Kind kind) {
        // given
        SdkFlavour sdk = kind.connect(emulator);
        String id = kind.tag("exists");
        sdk.createTwin(id, floor(id), null);

        // when / then
        assertAdtError(
                () -> sdk.createTwin(id, floor(id), new CreateOrReplaceDigitalTwinOptions().setIfNoneMatch("*")),
                412,
                "PreconditionFailed",
                id);
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void aStaleIfMatchOnPatchOrDeleteIsPreconditionFailedAndChangesNothing(SdkFlavour.Kind kind) {
        // given
        SdkFlavour sdk = kind.connect(emulator);
        String id = kind.tag("stale");
        sdk.createTwin(id, floor(id).addToContents("level", 1), null);

        // when / then
        assertAdtError(
                () -> sdk.updateTwin(
                        id,
                        new JsonPatchDocument().appendReplace("/level", 9),
                        new UpdateDigitalTwinOptions().setIfMatch(STALE)),
                412,
                "PreconditionFailed");
        assertAdtError(
                () -> sdk.deleteTwin(id, new DeleteDigitalTwinOptions().setIfMatch(STALE)), 412, "PreconditionFailed");
        assertThat(sdk.getTwin(id).getValue().getContents()).containsEntry("level", 1);
    }

    private static BasicDigitalTwin floor(String id) {
        return new BasicDigitalTwin(id).setMetadata(new BasicDigitalTwinMetadata().setModelId(TestModels.FLOOR));
    }
}
