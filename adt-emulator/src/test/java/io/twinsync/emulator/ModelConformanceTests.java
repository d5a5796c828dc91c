package io.twinsync.emulator;

import static io.twinsync.emulator.AdtAssertions.assertAdtError;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.models.DigitalTwinsModelData;
import com.azure.digitaltwins.core.models.ListModelsOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The model lifecycle and every model error, through the real sync and async clients. */
class ModelConformanceTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AdtEmulator emulator;

    @BeforeEach
    void start() {
        emulator = TestEmulators.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void modelsGoThroughUploadListDecommissionAndDelete(SdkFlavour.Kind kind) {
        // given
        SdkFlavour sdk = kind.connect(emulator);

        // when
        List<DigitalTwinsModelData> created = sdk.createModels(TestModels.all());
        List<List<DigitalTwinsModelData>> pages =
                sdk.listModelPages(new ListModelsOptions().setMaxItemsPerPage(4).setIncludeModelDefinition(true));
        sdk.decommissionModel(TestModels.PLANT);
        DigitalTwinsModelData plant = sdk.getModel(TestModels.PLANT);
        sdk.deleteModel(TestModels.PLANT);
        sdk.deleteModel(TestModels.HVAC);

        // then
        assertThat(created).hasSize(6).allSatisfy(model -> assertThat(model.isDecommissioned())
                .isFalse());
        assertThat(pages).hasSize(2).extracting(List::size).containsExactly(4, 2);
        assertThat(pages.get(0))
                .allSatisfy(model -> assertThat(model.getDtdlModel()).contains(model.getModelId()));
        assertThat(plant.isDecommissioned()).isTrue();
        assertThat(plant.getDtdlModel()).contains("\"hvac\"");
        assertThat(sdk.listModelPages(new ListModelsOptions()).get(0))
                .extracting(DigitalTwinsModelData::getModelId)
                .containsExactlyInAnyOrder(TestModels.ASSET, TestModels.BUILDING, TestModels.FLOOR, TestModels.ROOM);
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void uploadingAModelThatExistsIsAConflictAndAddsNothing(SdkFlavour.Kind kind) {
        // given
        SdkFlavour sdk = kind.connect(emulator);
        sdk.createModels(List.of(TestModels.ASSET_JSON));

        // when / then
        assertAdtError(
                () -> sdk.createModels(List.of(TestModels.ROOM_JSON, TestModels.ASSET_JSON)),
                409,
                "ModelIdAlreadyExists",
                TestModels.ASSET);
        assertAdtError(() -> sdk.getModel(TestModels.ROOM), 404, "ModelNotFound", TestModels.ROOM);
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void everyOperationOnAnUnknownModelIsModelNotFound(SdkFlavour.Kind kind) {
        // given
        SdkFlavour sdk = kind.connect(emulator);
        String ghost = "dtmi:test:Ghost;1";

        // when / then
        assertAdtError(() -> sdk.getModel(ghost), 404, "ModelNotFound", ghost);
        assertAdtError(() -> sdk.decommissionModel(ghost), 404, "ModelNotFound", ghost);
        assertAdtError(() -> sdk.deleteModel(ghost), 404, "ModelNotFound", ghost);
        assertAdtError(
                () -> sdk.listModelPages(new ListModelsOptions().setDependenciesFor(List.of(ghost))),
                404,
                "ModelNotFound",
                ghost);
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void aModelUsedAsAComponentCannotBeDeletedButOneOnlyTargetedByARelationshipCan(SdkFlavour.Kind kind) {
        // given Plant uses Hvac as a component, Building targets Floor with a relationship
        SdkFlavour sdk = kind.connect(emulator);
        sdk.createModels(TestModels.all());

        // when / then Hvac is refused; Floor is deleted (recorded: ModelsTest.modelLifecycleTest deletes a model that
        // others name only as a relationship target and gets 204)
        assertAdtError(() -> sdk.deleteModel(TestModels.HVAC), 409, "ModelReferencesNotDeleted", TestModels.PLANT);
        sdk.deleteModel(TestModels.FLOOR);
        assertThat(sdk.getModel(TestModels.HVAC).getModelId()).isEqualTo(TestModels.HVAC);
        assertAdtError(() -> sdk.getModel(TestModels.FLOOR), 404, "ModelNotFound", TestModels.FLOOR);
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void aDecommissionedModelRefusesNewTwinsAndModelChanges(SdkFlavour.Kind kind) {
        // given a twin of Room and a decommissioned Floor
        SdkFlavour sdk = kind.connect(emulator);
        sdk.createModels(TestModels.all());
        sdk.createTwin("room", twin(TestModels.ROOM), null);
        sdk.decommissionModel(TestModels.FLOOR);

        // when / then
        assertAdtError(
                () -> sdk.createTwin("floor", twin(TestModels.FLOOR), null), 400, "ModelDecommissioned", "floor");
        assertAdtError(
                () -> sdk.updateTwin(
                        "room",
                        new com.azure.core.models.JsonPatchDocument()
                                .appendReplace("/$metadata/$model", TestModels.FLOOR),
                        null),
                400,
                "ModelDecommissioned",
                TestModels.FLOOR);
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void oneRequestTakesAtMost250Models(SdkFlavour.Kind kind) {
        // given
        SdkFlavour sdk = kind.connect(emulator);

        // when / then 251 are refused as a whole, 250 are accepted
        assertAdtError(() -> sdk.createModels(simpleModels("over", 251)), 400, "LimitExceeded", "250", "251");
        assertThat(sdk.listModelPages(new ListModelsOptions()).get(0)).isEmpty();
        assertThat(sdk.createModels(simpleModels("max", 250))).hasSize(250);
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void dependenciesForListsTheGivenModelsAndEverythingTheyNeedTransitively(SdkFlavour.Kind kind) {
        // given
        SdkFlavour sdk = kind.connect(emulator);
        sdk.createModels(TestModels.all());

        // when
        List<String> ids = sdk
                .listModelPages(new ListModelsOptions().setDependenciesFor(List.of(TestModels.PLANT, TestModels.FLOOR)))
                .stream()
                .flatMap(List::stream)
                .map(DigitalTwinsModelData::getModelId)
                .toList();

        // then Plant needs Asset (extends) and Hvac (component); Floor needs Asset; Room, Floor's relationship target,
        // is not needed
        assertThat(ids)
                .containsExactlyInAnyOrder(TestModels.PLANT, TestModels.HVAC, TestModels.ASSET, TestModels.FLOOR);
    }

    @Test
    void aModelIsReadWithoutItsDefinitionUnlessAskedFor() throws Exception {
        // given
        SdkFlavour.Kind.SYNC.connect(emulator).createModels(List.of(TestModels.ASSET_JSON));

        // when
        JsonNode plain =
                JSON.readTree(send("GET", "/models/" + TestModels.ASSET, null).body());
        JsonNode full = JSON.readTree(send("GET", "/models/" + TestModels.ASSET + "?includeModelDefinition=true", null)
                .body());

        // then
        assertThat(plain.get("id").asText()).isEqualTo(TestModels.ASSET);
        assertThat(plain.get("decommissioned").asBoolean()).isFalse();
        assertThat(plain.has("model")).isFalse();
        assertThat(full.at("/model/@id").asText()).isEqualTo(TestModels.ASSET);
    }

    @Test
    void aModelPatchOtherThanDecommissioningIsRefused() throws Exception {
        // given
        SdkFlavour.Kind.SYNC.connect(emulator).createModels(List.of(TestModels.ASSET_JSON));

        // when
        HttpResponse<String> recommission = send(
                "PATCH",
                "/models/" + TestModels.ASSET,
                "[{\"op\": \"replace\", \"path\": \"/decommissioned\", \"value\": false}]");

        // then
        assertThat(recommission.statusCode()).isEqualTo(400);
        assertThat(recommission.headers().firstValue("x-ms-error-code")).contains("JsonPatchInvalid");
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        String separator = pathAndQuery.contains("?") ? "&" : "?";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(emulator.endpoint() + pathAndQuery + separator + "api-version=2023-10-31"))
                .header("Content-Type", "application/json-patch+json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newBuilder()
                .sslContext(emulator.trustingSslContext())
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> simpleModels(String prefix, int count) {
        List<String> models = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            models.add("{\"@id\": \"dtmi:test:" + prefix + ":M" + i + ";1\", \"@type\": \"Interface\","
                    + " \"@context\": \"dtmi:dtdl:context;3\"}");
        }
        return models;
    }

    private static BasicDigitalTwin twin(String model) {
        return new BasicDigitalTwin("ignored").setMetadata(new BasicDigitalTwinMetadata().setModelId(model));
    }
}
