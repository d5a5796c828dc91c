package io.twinsync.emulator;

import static io.twinsync.emulator.AdtAssertions.assertAdtError;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.models.JsonPatchDocument;
import com.azure.core.util.Context;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.models.CreateOrReplaceRelationshipOptions;
import com.azure.digitaltwins.core.models.DigitalTwinsResponse;
import com.azure.digitaltwins.core.models.IncomingRelationship;
import com.azure.digitaltwins.core.models.UpdateRelationshipOptions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RelationshipsTests {

    private static AdtEmulator emulator;
    private static DigitalTwinsClient client;

    @BeforeAll
    static void start() {
        emulator = TestEmulators.builder().pageSize(2).start();
        client = SdkClients.sync(emulator);
        client.createModels(TestModels.all());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void createsReadsPatchesAndDeletesARelationship() {
        // given
        twin("b-crud", TestModels.BUILDING);
        twin("f-crud", TestModels.FLOOR);
        BasicRelationship relationship =
                new BasicRelationship("r-crud", "b-crud", "f-crud", "contains").addProperty("since", "2020-01-01");

        // when
        BasicRelationship created =
                client.createOrReplaceRelationship("b-crud", "r-crud", relationship, BasicRelationship.class);
        client.updateRelationship("b-crud", "r-crud", new JsonPatchDocument().appendReplace("/since", "2021-06-30"));
        DigitalTwinsResponse<BasicRelationship> read =
                client.getRelationshipWithResponse("b-crud", "r-crud", BasicRelationship.class, Context.NONE);

        // then
        assertThat(created.getSourceId()).isEqualTo("b-crud");
        assertThat(created.getETag()).startsWith("W/\"");
        assertThat(read.getValue().getTargetId()).isEqualTo("f-crud");
        assertThat(read.getValue().getName()).isEqualTo("contains");
        assertThat(read.getValue().getProperties()).containsEntry("since", "2021-06-30");
        assertThat(read.getDeserializedHeaders().getETag())
                .isEqualTo(read.getValue().getETag());
        client.deleteRelationship("b-crud", "r-crud");
        assertAdtError(
                () -> client.getRelationship("b-crud", "r-crud", BasicRelationship.class),
                404,
                "RelationshipNotFound",
                "r-crud");
    }

    @Test
    void ifNoneMatchAndIfMatchAreHonoured() {
        // given
        twin("b-pre", TestModels.BUILDING);
        twin("f-pre", TestModels.FLOOR);
        BasicRelationship relationship = new BasicRelationship("r-pre", "b-pre", "f-pre", "contains");
        client.createOrReplaceRelationship("b-pre", "r-pre", relationship, BasicRelationship.class);

        // when / then
        assertAdtError(
                () -> client.createOrReplaceRelationshipWithResponse(
                        "b-pre",
                        "r-pre",
                        relationship,
                        BasicRelationship.class,
                        new CreateOrReplaceRelationshipOptions().setIfNoneMatch("*"),
                        Context.NONE),
                412,
                "PreconditionFailed");
        assertAdtError(
                () -> client.updateRelationshipWithResponse(
                        "b-pre",
                        "r-pre",
                        new JsonPatchDocument().appendAdd("/since", "2020-01-01"),
                        new UpdateRelationshipOptions().setIfMatch("W/\"stale\""),
                        Context.NONE),
                412,
                "PreconditionFailed");
    }

    @Test
    void listsOutgoingAndIncomingRelationshipsAcrossSeveralPages() {
        // given one building containing five floors, and five buildings containing one floor (page size is 2)
        twin("b-page", TestModels.BUILDING);
        for (int i = 0; i < 5; i++) {
            twin("f-page-" + i, TestModels.FLOOR);
            relate("b-page", "out-" + i, "f-page-" + i, "contains");
            twin("b-page-" + i, TestModels.BUILDING);
            relate("b-page-" + i, "in-" + i, "f-page-0", "contains");
        }

        // when
        List<PagedResponse<BasicRelationship>> outgoing = client.listRelationships("b-page", BasicRelationship.class)
                .streamByPage()
                .toList();
        List<PagedResponse<IncomingRelationship>> incoming =
                client.listIncomingRelationships("f-page-0").streamByPage().toList();

        // then
        assertThat(outgoing).hasSize(3);
        assertThat(outgoing.get(0).getContinuationToken())
                .startsWith(emulator.endpoint().toString());
        assertThat(outgoing.stream().flatMap(p -> p.getValue().stream()).map(BasicRelationship::getId))
                .containsExactly("out-0", "out-1", "out-2", "out-3", "out-4");
        assertThat(incoming).hasSize(3);
        assertThat(incoming.stream().flatMap(p -> p.getValue().stream()).map(IncomingRelationship::getSourceId))
                .containsExactlyInAnyOrder("b-page", "b-page-0", "b-page-1", "b-page-2", "b-page-3", "b-page-4");
    }

    @Test
    void incomingRelationshipsCarryAnAbsoluteLink() {
        // given
        twin("b-link", TestModels.BUILDING);
        twin("f-link", TestModels.FLOOR);
        relate("b-link", "r-link", "f-link", "contains");

        // when
        IncomingRelationship incoming =
                client.listIncomingRelationships("f-link").iterator().next();

        // then the link carries the caller's api-version, as the service's do (its recorded sessions)
        assertThat(incoming.getRelationshipId()).isEqualTo("r-link");
        assertThat(incoming.getRelationshipName()).isEqualTo("contains");
        assertThat(incoming.getRelationshipLink())
                .isEqualTo(emulator.endpoint() + "/digitaltwins/b-link/relationships/r-link?" + RawHttp.API_VERSION);
    }

    @Test
    void filtersOutgoingRelationshipsByName() {
        // given a room with relationships of another name than the filter
        twin("f-filter", TestModels.FLOOR);
        twin("r-filter-1", TestModels.ROOM);
        twin("r-filter-2", TestModels.ROOM);
        relate("f-filter", "has-1", "r-filter-1", "hasRoom");
        relate("r-filter-1", "adj-1", "r-filter-2", "adjacentTo");

        // when
        List<String> names =
                client.listRelationships("f-filter", "hasRoom", BasicRelationship.class, Context.NONE).stream()
                        .map(BasicRelationship::getId)
                        .toList();
        List<String> none =
                client.listRelationships("f-filter", "adjacentTo", BasicRelationship.class, Context.NONE).stream()
                        .map(BasicRelationship::getId)
                        .toList();

        // then
        assertThat(names).containsExactly("has-1");
        assertThat(none).isEmpty();
    }

    @Test
    void refusesARelationshipNameTheSourceModelDoesNotDeclare() {
        twin("b-name", TestModels.BUILDING);
        twin("f-name", TestModels.FLOOR);
        assertAdtError(
                () -> relate("b-name", "r-name", "f-name", "houses"),
                400,
                "InvalidRelationship",
                "houses",
                TestModels.BUILDING);
    }

    @Test
    void refusesATargetOfTheWrongModel() {
        twin("b-target", TestModels.BUILDING);
        twin("r-target", TestModels.ROOM);
        assertAdtError(
                () -> relate("b-target", "r-t", "r-target", "contains"),
                400,
                "InvalidRelationship",
                TestModels.FLOOR,
                TestModels.ROOM);
    }

    @Test
    void refusesAMissingTargetAndASelfRelationship() {
        twin("r-self", TestModels.ROOM);
        assertAdtError(() -> relate("r-self", "r1", "ghost", "adjacentTo"), 404, "TargetTwinNotFound", "ghost");
        assertAdtError(() -> relate("r-self", "r2", "r-self", "adjacentTo"), 400, "OperationNotAllowed", "r-self");
    }

    @Test
    void refusesAnUndeclaredRelationshipProperty() {
        twin("b-prop", TestModels.BUILDING);
        twin("f-prop", TestModels.FLOOR);
        BasicRelationship relationship =
                new BasicRelationship("r-prop", "b-prop", "f-prop", "contains").addProperty("weight", 3);
        assertAdtError(
                () -> client.createOrReplaceRelationship("b-prop", "r-prop", relationship, BasicRelationship.class),
                400,
                "ValidationFailed",
                "weight");
    }

    private static void twin(String id, String model) {
        client.createOrReplaceDigitalTwin(
                id,
                new BasicDigitalTwin(id).setMetadata(new BasicDigitalTwinMetadata().setModelId(model)),
                BasicDigitalTwin.class);
    }

    private static void relate(String source, String id, String target, String name) {
        client.createOrReplaceRelationship(
                source, id, new BasicRelationship(id, source, target, name), BasicRelationship.class);
    }
}
