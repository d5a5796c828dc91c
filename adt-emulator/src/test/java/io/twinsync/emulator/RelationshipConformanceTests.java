package io.twinsync.emulator;

import static io.twinsync.emulator.AdtAssertions.assertAdtError;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.models.JsonPatchDocument;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.models.CreateOrReplaceRelationshipOptions;
import com.azure.digitaltwins.core.models.DeleteRelationshipOptions;
import com.azure.digitaltwins.core.models.DigitalTwinsResponse;
import com.azure.digitaltwins.core.models.IncomingRelationship;
import com.azure.digitaltwins.core.models.UpdateRelationshipOptions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The relationship lifecycle with its preconditions, every relationship 404 and 412, and paging of outgoing and
 * incoming listings, through the sync and async clients.
 */
class RelationshipConformanceTests {

    private static final String STALE = "W/\"00000000-0000-0000-0000-000000000000\"";

    private static AdtEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = TestEmulators.builder().pageSize(2).start();
        SdkClients.sync(emulator).createModels(TestModels.all());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void aRelationshipIsCreatedReadPatchedAndDeletedUnderItsETags(SdkFlavour.Kind kind) {
        // given
        SdkFlavour sdk = kind.connect(emulator);
        String building = twin(sdk, kind.tag("b-life"), TestModels.BUILDING);
        String floor = twin(sdk, kind.tag("f-life"), TestModels.FLOOR);

        // when
        DigitalTwinsResponse<BasicRelationship> created = sdk.createRelationship(
                building,
                "r",
                contains(building, floor).addProperty("since", "2020-01-01"),
                new CreateOrReplaceRelationshipOptions().setIfNoneMatch("*"));
        DigitalTwinsResponse<Void> patched = sdk.updateRelationship(
                building,
                "r",
                new JsonPatchDocument().appendReplace("/since", "2021-01-01"),
                new UpdateRelationshipOptions()
                        .setIfMatch(created.getDeserializedHeaders().getETag()));
        DigitalTwinsResponse<BasicRelationship> read = sdk.getRelationship(building, "r");
        int deleted = sdk.deleteRelationship(
                        building,
                        "r",
                        new DeleteRelationshipOptions()
                                .setIfMatch(patched.getDeserializedHeaders().getETag()))
                .getStatusCode();

        // then
        assertThat(created.getValue().getSourceId()).isEqualTo(building);
        assertThat(created.getValue().getETag())
                .isEqualTo(created.getDeserializedHeaders().getETag());
        assertThat(patched.getStatusCode()).isEqualTo(204);
        assertThat(read.getValue().getProperties()).containsEntry("since", "2021-01-01");
        assertThat(read.getDeserializedHeaders().getETag())
                .isEqualTo(patched.getDeserializedHeaders().getETag());
        assertThat(deleted).isEqualTo(204);
        assertAdtError(() -> sdk.getRelationship(building, "r"), 404, "RelationshipNotFound", "r");
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void missingRelationshipsTwinsAndTargetsAreNotFound(SdkFlavour.Kind kind) {
        // given
        SdkFlavour sdk = kind.connect(emulator);
        String building = twin(sdk, kind.tag("b-404"), TestModels.BUILDING);
        String ghost = kind.tag("ghost");
        JsonPatchDocument patch = new JsonPatchDocument().appendAdd("/since", "2020-01-01");

        // when / then
        assertAdtError(() -> sdk.getRelationship(building, "none"), 404, "RelationshipNotFound", "none");
        assertAdtError(() -> sdk.updateRelationship(building, "none", patch, null), 404, "RelationshipNotFound");
        assertAdtError(() -> sdk.deleteRelationship(building, "none", null), 404, "RelationshipNotFound");
        assertAdtError(() -> sdk.getRelationship(ghost, "r"), 404, "DigitalTwinNotFound", ghost);
        assertAdtError(
                () -> sdk.createRelationship(ghost, "r", contains(ghost, building), null),
                404,
                "DigitalTwinNotFound",
                ghost);
        assertAdtError(
                () -> sdk.createRelationship(building, "r", contains(building, ghost), null),
                404,
                "TargetTwinNotFound",
                ghost);
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void ifNoneMatchStarOnAnExistingRelationshipIsPreconditionFailed(SdkFlavour.Kind kind) {
        // given
        SdkFlavour sdk = kind.connect(emulator);
        String building = twin(sdk, kind.tag("b-inm"), TestModels.BUILDING);
        String floor = twin(sdk, kind.tag("f-inm"), TestModels.FLOOR);
        sdk.createRelationship(building, "r", contains(building, floor), null);

        // when / then
        assertAdtError(
                () -> sdk.createRelationship(
                        building,
                        "r",
                        contains(building, floor),
                        new CreateOrReplaceRelationshipOptions().setIfNoneMatch("*")),
                412,
                "PreconditionFailed",
                "r");
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void aStaleIfMatchOnPatchOrDeleteIsPreconditionFailedAndChangesNothing(SdkFlavour.Kind kind) {
        // given
        SdkFlavour sdk = kind.connect(emulator);
        String building = twin(sdk, kind.tag("b-stale"), TestModels.BUILDING);
        String floor = twin(sdk, kind.tag("f-stale"), TestModels.FLOOR);
        sdk.createRelationship(building, "r", contains(building, floor).addProperty("since", "2020-01-01"), null);

        // when / then
        assertAdtError(
                () -> sdk.updateRelationship(
                        building,
                        "r",
                        new JsonPatchDocument().appendReplace("/since", "1999-01-01"),
                        new UpdateRelationshipOptions().setIfMatch(STALE)),
                412,
                "PreconditionFailed");
        assertAdtError(
                () -> sdk.deleteRelationship(building, "r", new DeleteRelationshipOptions().setIfMatch(STALE)),
                412,
                "PreconditionFailed");
        assertThat(sdk.getRelationship(building, "r").getValue().getProperties())
                .containsEntry("since", "2020-01-01");
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void outgoingAndIncomingListingsFollowNextLinksAcrossSeveralPages(SdkFlavour.Kind kind) {
        // given a building containing five floors, and five buildings containing the first floor (pages of 2)
        SdkFlavour sdk = kind.connect(emulator);
        String hub = twin(sdk, kind.tag("hub"), TestModels.BUILDING);
        String firstFloor = null;
        for (int i = 0; i < 5; i++) {
            String floor = twin(sdk, kind.tag("floor-" + i), TestModels.FLOOR);
            firstFloor = firstFloor == null ? floor : firstFloor;
            sdk.createRelationship(hub, "out-" + i, contains(hub, floor), null);
            String other = twin(sdk, kind.tag("other-" + i), TestModels.BUILDING);
            sdk.createRelationship(other, "in-" + i, contains(other, firstFloor), null);
        }

        // when
        List<List<BasicRelationship>> outgoing = sdk.listRelationshipPages(hub);
        List<List<IncomingRelationship>> incoming = sdk.listIncomingPages(firstFloor);

        // then
        assertThat(outgoing).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(outgoing.stream().flatMap(List::stream).map(BasicRelationship::getId))
                .containsExactly("out-0", "out-1", "out-2", "out-3", "out-4");
        assertThat(incoming).extracting(List::size).containsExactly(2, 2, 2);
        assertThat(incoming.stream().flatMap(List::stream).map(IncomingRelationship::getSourceId))
                .hasSize(6)
                .doesNotHaveDuplicates()
                .contains(hub);
    }

    private static String twin(SdkFlavour sdk, String id, String model) {
        sdk.createTwin(
                id, new BasicDigitalTwin(id).setMetadata(new BasicDigitalTwinMetadata().setModelId(model)), null);
        return id;
    }

    private static BasicRelationship contains(String source, String target) {
        return new BasicRelationship("ignored", source, target, "contains");
    }
}
