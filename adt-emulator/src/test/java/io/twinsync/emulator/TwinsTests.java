package io.twinsync.emulator;

import static io.twinsync.emulator.AdtAssertions.assertAdtError;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.rest.Response;
import com.azure.core.models.JsonPatchDocument;
import com.azure.core.util.Context;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.models.CreateOrReplaceDigitalTwinOptions;
import com.azure.digitaltwins.core.models.DeleteDigitalTwinOptions;
import com.azure.digitaltwins.core.models.DigitalTwinsResponse;
import com.azure.digitaltwins.core.models.UpdateDigitalTwinOptions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TwinsTests {

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
    void createsAndReadsATwinWithMetadataAndETag() {
        // given
        BasicDigitalTwin twin = building("b-create").addToContents("name", "HQ").addToContents("floors", 3);

        // when
        BasicDigitalTwin created = client.createOrReplaceDigitalTwin("b-create", twin, BasicDigitalTwin.class);
        DigitalTwinsResponse<BasicDigitalTwin> read =
                client.getDigitalTwinWithResponse("b-create", BasicDigitalTwin.class, Context.NONE);

        // then
        assertThat(created.getId()).isEqualTo("b-create");
        assertThat(created.getETag()).startsWith("W/\"");
        assertThat(read.getValue().getETag()).isEqualTo(created.getETag());
        assertThat(read.getDeserializedHeaders().getETag()).isEqualTo(created.getETag());
        assertThat(read.getValue().getMetadata().getModelId()).isEqualTo(TestModels.BUILDING);
        assertThat(read.getValue().getMetadata().getPropertyMetadata()).containsKeys("name", "floors");
        assertThat(read.getValue().getLastUpdatedOn()).isNotNull();
        assertThat(read.getValue().getContents()).containsEntry("name", "HQ").containsEntry("floors", 3);
    }

    @Test
    void replacingATwinDropsPropertiesNotSentAndChangesTheETag() {
        // given
        BasicDigitalTwin first = client.createOrReplaceDigitalTwin(
                "b-replace",
                building("b-replace").addToContents("name", "A").addToContents("floors", 1),
                BasicDigitalTwin.class);

        // when
        BasicDigitalTwin second = client.createOrReplaceDigitalTwin(
                "b-replace", building("b-replace").addToContents("floors", 2), BasicDigitalTwin.class);

        // then
        assertThat(second.getETag()).isNotEqualTo(first.getETag());
        assertThat(client.getDigitalTwin("b-replace", BasicDigitalTwin.class).getContents())
                .containsOnlyKeys("floors")
                .containsEntry("floors", 2);
    }

    @Test
    void ifNoneMatchStarRefusesToOverwriteAnExistingTwin() {
        // given
        client.createOrReplaceDigitalTwin("b-inm", building("b-inm"), BasicDigitalTwin.class);

        // when / then
        assertAdtError(
                () -> client.createOrReplaceDigitalTwinWithResponse(
                        "b-inm",
                        building("b-inm"),
                        BasicDigitalTwin.class,
                        new CreateOrReplaceDigitalTwinOptions().setIfNoneMatch("*"),
                        Context.NONE),
                412,
                "PreconditionFailed",
                "b-inm");
    }

    @Test
    void patchAddsReplacesAndRemovesProperties() {
        // given
        client.createOrReplaceDigitalTwin(
                "b-patch",
                building("b-patch").addToContents("name", "Old").addToContents("floors", 1),
                BasicDigitalTwin.class);
        JsonPatchDocument patch = new JsonPatchDocument()
                .appendReplace("/name", "New")
                .appendAdd("/height", 12.5)
                .appendAdd("/address", Map.of("street", "Main"))
                .appendAdd("/address/zip", "1000")
                .appendRemove("/floors");

        // when
        DigitalTwinsResponse<Void> response =
                client.updateDigitalTwinWithResponse("b-patch", patch, null, Context.NONE);

        // then
        assertThat(response.getStatusCode()).isEqualTo(204);
        BasicDigitalTwin read = client.getDigitalTwin("b-patch", BasicDigitalTwin.class);
        assertThat(read.getETag()).isEqualTo(response.getDeserializedHeaders().getETag());
        assertThat(read.getContents())
                .containsEntry("name", "New")
                .containsEntry("height", 12.5)
                .containsEntry("address", Map.of("street", "Main", "zip", "1000"))
                .doesNotContainKey("floors");
        assertThat(read.getMetadata().getPropertyMetadata()).doesNotContainKey("floors");
    }

    @Test
    void replacingAnAbsentPropertyIsAnInvalidPatch() {
        // given
        client.createOrReplaceDigitalTwin("b-absent", building("b-absent"), BasicDigitalTwin.class);

        // when / then
        assertAdtError(
                () -> client.updateDigitalTwin("b-absent", new JsonPatchDocument().appendReplace("/floors", 2)),
                400,
                "JsonPatchInvalid",
                "/floors");
    }

    @Test
    void ifMatchWithAStaleETagIsRefusedAndWithTheCurrentOneApplied() {
        // given
        BasicDigitalTwin created = client.createOrReplaceDigitalTwin(
                "b-ifmatch", building("b-ifmatch").addToContents("floors", 1), BasicDigitalTwin.class);
        JsonPatchDocument patch = new JsonPatchDocument().appendReplace("/floors", 2);
        client.updateDigitalTwin("b-ifmatch", patch);

        // when / then
        assertAdtError(
                () -> client.updateDigitalTwinWithResponse(
                        "b-ifmatch", patch, new UpdateDigitalTwinOptions().setIfMatch(created.getETag()), Context.NONE),
                412,
                "PreconditionFailed");
        String current =
                client.getDigitalTwin("b-ifmatch", BasicDigitalTwin.class).getETag();
        Response<Void> applied = client.updateDigitalTwinWithResponse(
                "b-ifmatch",
                new JsonPatchDocument().appendReplace("/floors", 3),
                new UpdateDigitalTwinOptions().setIfMatch(current),
                Context.NONE);
        assertThat(applied.getStatusCode()).isEqualTo(204);
    }

    @Test
    void deleteIsRefusedWhileTheTwinHasIncomingOrOutgoingRelationships() {
        // given
        client.createOrReplaceDigitalTwin("b-del", building("b-del"), BasicDigitalTwin.class);
        client.createOrReplaceDigitalTwin("f-del", floor("f-del"), BasicDigitalTwin.class);
        client.createOrReplaceRelationship(
                "b-del", "r1", new BasicRelationship("r1", "b-del", "f-del", "contains"), BasicRelationship.class);

        // when / then both ends are protected
        assertAdtError(() -> client.deleteDigitalTwin("b-del"), 400, "RelationshipsNotDeleted", "b-del");
        assertAdtError(() -> client.deleteDigitalTwin("f-del"), 400, "RelationshipsNotDeleted", "f-del");
        client.deleteRelationship("b-del", "r1");
        client.deleteDigitalTwin("f-del");
        client.deleteDigitalTwin("b-del");
        assertAdtError(() -> client.getDigitalTwin("b-del", BasicDigitalTwin.class), 404, "DigitalTwinNotFound");
    }

    @Test
    void deleteHonoursIfMatch() {
        // given
        client.createOrReplaceDigitalTwin("b-delmatch", building("b-delmatch"), BasicDigitalTwin.class);

        // when / then
        assertAdtError(
                () -> client.deleteDigitalTwinWithResponse(
                        "b-delmatch", new DeleteDigitalTwinOptions().setIfMatch("W/\"stale\""), Context.NONE),
                412,
                "PreconditionFailed");
    }

    @Test
    void missingTwinsAnswerDigitalTwinNotFound() {
        assertAdtError(
                () -> client.getDigitalTwin("nobody", BasicDigitalTwin.class), 404, "DigitalTwinNotFound", "nobody");
        assertAdtError(
                () -> client.updateDigitalTwin("nobody", new JsonPatchDocument().appendAdd("/name", "x")),
                404,
                "DigitalTwinNotFound");
        assertAdtError(() -> client.deleteDigitalTwin("nobody"), 404, "DigitalTwinNotFound");
    }

    private static BasicDigitalTwin building(String id) {
        return new BasicDigitalTwin(id).setMetadata(new BasicDigitalTwinMetadata().setModelId(TestModels.BUILDING));
    }

    private static BasicDigitalTwin floor(String id) {
        return new BasicDigitalTwin(id).setMetadata(new BasicDigitalTwinMetadata().setModelId(TestModels.FLOOR));
    }
}
