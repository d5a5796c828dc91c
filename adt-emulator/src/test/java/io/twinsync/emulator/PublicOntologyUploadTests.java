package io.twinsync.emulator;

import static io.twinsync.emulator.AdtAssertions.assertAdtError;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsync.dtdl.DtdlReader;
import io.twinsync.dtdl.ModelSet;
import io.twinsync.dtdl.files.ModelFiles;
import io.twinsync.testsupport.PublicOntology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Public ontologies nobody here wrote (test-support's {@code ontologies/}) upload whole through the real SDK, and twins
 * written against RealEstateCore are accepted or refused as their models say.
 */
class PublicOntologyUploadTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HVAC_PUMP = "dtmi:digitaltwins:rec_3_3:asset:HVACPump;1";

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

    @ParameterizedTest
    @EnumSource(PublicOntology.class)
    void aPublicOntologyUploadsWholeInRequestsOf250(PublicOntology ontology) {
        // when
        int requests = upload(ontology);

        // then
        assertThat(client.listModels().stream().count()).isEqualTo(ontology.interfaces());
        assertThat(requests).isEqualTo((ontology.interfaces() + 249) / 250);
    }

    @Test
    void aTwinOfARealEstateCoreModelHoldsInheritedPropertiesAndItsComponents() {
        // given
        upload(PublicOntology.REC_V3);

        // when a pump twin with a property of Asset, one of Pump and the two components Pump declares
        BasicDigitalTwin pump = client.createOrReplaceDigitalTwin("pump-1", pump("pump-1"), BasicDigitalTwin.class);

        // then
        assertThat(pump.getContents()).containsEntry("serialNumber", "SN-1").containsEntry("flowCapacity", 12.5);
    }

    @Test
    void aRelationshipWhosePropertiesAreOneObjectInTheModelTakesItsProperty() {
        // given two pumps; Equipment's isFedBy writes its 'properties' as one object, not an array
        upload(PublicOntology.REC_V3);
        client.createOrReplaceDigitalTwin("pump-1", pump("pump-1"), BasicDigitalTwin.class);
        client.createOrReplaceDigitalTwin("pump-2", pump("pump-2"), BasicDigitalTwin.class);

        // when
        BasicRelationship fed = client.createOrReplaceRelationship(
                "pump-2",
                "fed-by-1",
                new BasicRelationship("fed-by-1", "pump-2", "pump-1", "isFedBy").addProperty("substance", "Water"),
                BasicRelationship.class);

        // then valid values pass and a value the Enum does not have is refused
        assertThat(fed.getProperties()).containsEntry("substance", "Water");
        assertAdtError(
                () -> client.createOrReplaceRelationship(
                        "pump-2",
                        "fed-by-lava",
                        new BasicRelationship("fed-by-lava", "pump-2", "pump-1", "isFedBy")
                                .addProperty("substance", "Lava"),
                        BasicRelationship.class),
                400,
                "ValidationFailed",
                "substance",
                "Lava");
    }

    @Test
    void twinsThatBreakARealEstateCoreModelAreRefusedNamingTheProblem() {
        // given
        upload(PublicOntology.REC_V3);

        // when / then a wrong type, a property no model in the lineage has, and a missing component
        BasicDigitalTwin wrongType = pump("bad-1").addToContents("flowCapacity", "fast");
        assertAdtError(
                () -> client.createOrReplaceDigitalTwin("bad-1", wrongType, BasicDigitalTwin.class),
                400,
                "ValidationFailed",
                "flowCapacity",
                "double");
        BasicDigitalTwin unknown = pump("bad-2").addToContents("colour", "red");
        assertAdtError(
                () -> client.createOrReplaceDigitalTwin("bad-2", unknown, BasicDigitalTwin.class),
                400,
                "ValidationFailed",
                "colour");
        BasicDigitalTwin noInlet = new BasicDigitalTwin("bad-3")
                .setMetadata(new BasicDigitalTwinMetadata().setModelId(HVAC_PUMP))
                .addToContents("pipeOutlet", Map.of("$metadata", Map.of()));
        assertAdtError(
                () -> client.createOrReplaceDigitalTwin("bad-3", noInlet, BasicDigitalTwin.class),
                400,
                "ValidationFailed",
                "pipeInlet");
    }

    /** A valid HVACPump (Pump and HVACEquipment, so Equipment and Asset too). */
    private static BasicDigitalTwin pump(String id) {
        return new BasicDigitalTwin(id)
                .setMetadata(new BasicDigitalTwinMetadata().setModelId(HVAC_PUMP))
                .addToContents("serialNumber", "SN-1")
                .addToContents("flowCapacity", 12.5)
                .addToContents("pipeInlet", Map.of("$metadata", Map.of()))
                .addToContents("pipeOutlet", Map.of("$metadata", Map.of()));
    }

    /** Uploads every model of the ontology, dependencies first, at most 250 per request; returns the requests. */
    private int upload(PublicOntology ontology) {
        Path folder = ontology.folder();
        ModelSet models;
        try {
            models = DtdlReader.forService()
                    .read(ModelFiles.read(
                            folder,
                            ModelFiles.find(folder, List.of("."), "models").files()))
                    .models();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> documents = new ArrayList<>();
        models.documents().forEach(document -> documents.add(document.toString()));
        int requests = 0;
        for (int from = 0; from < documents.size(); from += 250) {
            client.createModels(documents.subList(from, Math.min(documents.size(), from + 250)));
            requests++;
        }
        return requests;
    }
}
