package io.twinsync.emulator;

import static io.twinsync.emulator.AdtAssertions.assertAdtError;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.rest.PagedResponse;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.models.DigitalTwinsModelData;
import com.azure.digitaltwins.core.models.ListModelsOptions;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelsTests {

    private AdtEmulator emulator;
    private DigitalTwinsClient client;

    @BeforeEach
    void start() {
        emulator = TestEmulators.start();
        client = SdkClients.sync(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void uploadsModelsInAnyOrderAndReturnsTheirData() {
        // given models listed before the models they extend
        List<String> models =
                List.of(TestModels.BUILDING_JSON, TestModels.FLOOR_JSON, TestModels.ROOM_JSON, TestModels.ASSET_JSON);

        // when
        Iterable<DigitalTwinsModelData> created = client.createModels(models);

        // then
        assertThat(created)
                .extracting(DigitalTwinsModelData::getModelId)
                .containsExactlyInAnyOrder(TestModels.BUILDING, TestModels.FLOOR, TestModels.ROOM, TestModels.ASSET);
        DigitalTwinsModelData building = client.getModel(TestModels.BUILDING);
        assertThat(building.getDisplayNameLanguageMap()).containsEntry("en", "Building");
        assertThat(building.getUploadedOn()).isNotNull();
        assertThat(building.isDecommissioned()).isFalse();
        assertThat(building.getDtdlModel()).contains("\"dtmi:test:Building;1\"");
    }

    @Test
    void refusesAModelWhoseDependencyIsNeitherSentNorUploaded() {
        // given Building extends Asset, which is absent

        // when / then
        assertAdtError(
                () -> client.createModels(List.of(TestModels.BUILDING_JSON)),
                400,
                "DTDLParserError",
                "dtmi:test:Asset;1");
        assertThat(client.listModels()).isEmpty();
    }

    @Test
    void acceptsAModelWhoseRelationshipTargetIsNeitherSentNorUploaded() {
        // given Floor's relationship hasRoom targets Room, which is absent (recorded: ModelsTest.modelLifecycleTest
        // uploads models whose relationships target a Floor that is never uploaded, and gets 201)
        client.createModels(List.of(TestModels.ASSET_JSON));

        // when
        Iterable<DigitalTwinsModelData> created = client.createModels(List.of(TestModels.FLOOR_JSON));

        // then
        assertThat(created).extracting(DigitalTwinsModelData::getModelId).containsExactly(TestModels.FLOOR);
    }

    @Test
    void refusesTheWholeRequestWhenOneModelAlreadyExists() {
        // given
        client.createModels(List.of(TestModels.ASSET_JSON));

        // when / then nothing of the second request is added
        assertAdtError(
                () -> client.createModels(List.of(TestModels.ROOM_JSON, TestModels.ASSET_JSON)),
                409,
                "ModelIdAlreadyExists",
                TestModels.ASSET);
        assertThat(client.listModels())
                .extracting(DigitalTwinsModelData::getModelId)
                .containsExactly(TestModels.ASSET);
    }

    @Test
    void refusesInvalidDtdl() {
        // given a property with an unknown schema
        String broken =
                """
                {"@id": "dtmi:test:Broken;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
                 "contents": [{"@type": "Property", "name": "x", "schema": "text"}]}
                """;

        // when / then
        assertAdtError(() -> client.createModels(List.of(broken)), 400, "DTDLParserError", "text");
    }

    @Test
    void listsModelsPageByPageWithDefinitionsWhenAsked() {
        // given
        client.createModels(TestModels.all());
        ListModelsOptions options =
                new ListModelsOptions().setMaxItemsPerPage(2).setIncludeModelDefinition(true);

        // when
        List<PagedResponse<DigitalTwinsModelData>> pages =
                client.listModels(options, null).streamByPage().collect(Collectors.toList());

        // then
        assertThat(pages).hasSize(3);
        List<DigitalTwinsModelData> all =
                pages.stream().flatMap(p -> p.getValue().stream()).toList();
        assertThat(all).hasSize(6).allSatisfy(model -> assertThat(model.getDtdlModel())
                .isNotBlank());
    }

    @Test
    void listsTheDependenciesOfAModel() {
        // given
        client.createModels(TestModels.all());

        // when
        ListModelsOptions options = new ListModelsOptions().setDependenciesFor(List.of(TestModels.BUILDING));
        List<String> ids = client.listModels(options, null).stream()
                .map(DigitalTwinsModelData::getModelId)
                .toList();

        // then Building and what it extends; a relationship target is not a dependency (DTDL gives targets "by
        // reference" semantics and the service accepts a model whose target is not uploaded)
        assertThat(ids).containsExactlyInAnyOrder(TestModels.BUILDING, TestModels.ASSET);
    }

    @Test
    void answersModelNotFoundForAnUnknownModel() {
        assertAdtError(() -> client.getModel("dtmi:test:Nothing;1"), 404, "ModelNotFound", "dtmi:test:Nothing;1");
    }

    @Test
    void decommissionedModelRefusesNewTwinsButKeepsExistingOnes() {
        // given
        client.createModels(List.of(TestModels.ASSET_JSON));
        client.createOrReplaceDigitalTwin("old", twin(TestModels.ASSET), BasicDigitalTwin.class);

        // when
        client.decommissionModel(TestModels.ASSET);

        // then
        assertThat(client.getModel(TestModels.ASSET).isDecommissioned()).isTrue();
        assertAdtError(
                () -> client.createOrReplaceDigitalTwin("new", twin(TestModels.ASSET), BasicDigitalTwin.class),
                400,
                "ModelDecommissioned",
                TestModels.ASSET);
        assertThat(client.createOrReplaceDigitalTwin("old", twin(TestModels.ASSET), BasicDigitalTwin.class)
                        .getId())
                .isEqualTo("old");
    }

    @Test
    void refusesToDeleteAModelThatAnotherModelExtends() {
        // given
        client.createModels(List.of(TestModels.ASSET_JSON, TestModels.ROOM_JSON));

        // when / then
        assertAdtError(() -> client.deleteModel(TestModels.ASSET), 409, "ModelReferencesNotDeleted", TestModels.ROOM);
        client.deleteModel(TestModels.ROOM);
        client.deleteModel(TestModels.ASSET);
        assertThat(client.listModels()).isEmpty();
    }

    private static BasicDigitalTwin twin(String model) {
        return new BasicDigitalTwin("ignored").setMetadata(new BasicDigitalTwinMetadata().setModelId(model));
    }
}
