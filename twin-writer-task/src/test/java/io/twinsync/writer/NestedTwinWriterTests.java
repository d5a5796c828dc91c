package io.twinsync.writer;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.models.JsonPatchDocument;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.staging.Batch;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.writer.support.TestBatches;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twins with a component, an Object and a Map, as transform writes them, through the real SDK to the emulator: the
 * create carries the component, and a later change patches only the leaves that differ.
 */
class NestedTwinWriterTests {

    private static final String MODELS =
            """
            [
              {"@id": "dtmi:twinsync:test:Gadget;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
               "contents": [
                 {"@type": "Property", "name": "name", "schema": "string"},
                 {"@type": "Component", "name": "nameplate", "schema": "dtmi:twinsync:test:Nameplate;1"},
                 {"@type": "Property", "name": "location", "schema": {"@type": "Object", "fields": [
                   {"name": "latitude", "schema": "double"}, {"name": "longitude", "schema": "double"}]}},
                 {"@type": "Property", "name": "attributes", "schema": {"@type": "Map",
                   "mapKey": {"name": "k", "schema": "string"}, "mapValue": {"name": "v", "schema": "string"}}}
               ]},
              {"@id": "dtmi:twinsync:test:Nameplate;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
               "contents": [
                 {"@type": "Property", "name": "serialNumber", "schema": "string"},
                 {"@type": "Property", "name": "notes", "schema": "string"}
               ]}
            ]
            """;

    @TempDir
    Path root;

    private AdtEmulator emulator;
    private DigitalTwinsClient client;
    private LocalStagingStore store;

    @BeforeEach
    void startEmulator() {
        emulator = AdtEmulator.builder().port(0).start();
        client = AdtClients.create(
                AdtTarget.emulator(emulator.endpoint(), emulator.certificate()), WriterSettings.defaults());
        store = new LocalStagingStore(root);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void createsATwinWithAComponentAnObjectAndAMap() {
        // given a twin file as transform writes it
        TwinFile gadget = gadget("S-1", 51.9, "red", List.of());

        // when written
        WriteReport report = write(gadget);

        // then the twin reads back with every nested value
        assertThat(report.exitCode()).isZero();
        JsonNode twin = twin("g1");
        assertThat(twin.at("/nameplate/serialNumber").asText()).isEqualTo("S-1");
        assertThat(twin.at("/nameplate/$metadata").isObject()).isTrue();
        assertThat(twin.at("/location/latitude").asDouble()).isEqualTo(51.9);
        assertThat(twin.at("/location/longitude").asDouble()).isEqualTo(4.5);
        assertThat(twin.at("/attributes/color").asText()).isEqualTo("red");
    }

    @Test
    void changePatchesLeavesAndKeepsWhatOthersWroteInTheComponent() {
        // given the twin in ADT, and notes written into its component by someone else
        write(gadget("S-1", 51.9, "red", List.of()));
        client.updateComponent("g1", "nameplate", new JsonPatchDocument().appendAdd("/notes", "checked"));

        // when the source changes the serial number and latitude, and clears the colour
        WriteReport report = write(gadget("S-2", 52.0, null, List.of("/attributes/color")));

        // then the changed leaves are patched, the colour removed, and the notes kept
        assertThat(report.summary().twins().patched()).isEqualTo(1);
        JsonNode twin = twin("g1");
        assertThat(twin.at("/nameplate/serialNumber").asText()).isEqualTo("S-2");
        assertThat(twin.at("/nameplate/notes").asText()).isEqualTo("checked");
        assertThat(twin.at("/location/latitude").asDouble()).isEqualTo(52.0);
        assertThat(twin.at("/location/longitude").asDouble()).isEqualTo(4.5);
        assertThat(twin.get("attributes").has("color")).isFalse();
    }

    @Test
    void anObjectTheLastFileLeftOutIsPatchedLeafByLeafSoItsKeptFieldsStay() {
        // given a location written in full, then a batch whose file left the location out (both columns NULL: keep)
        write(gadget("S-1", 51.9, "red", List.of()));
        ObjectNode withoutLocation =
                gadget("S-1", 51.9, "red", List.of()).twin().deepCopy();
        withoutLocation.remove("location");
        write(TwinFile.of("Gadget", key(), false, withoutLocation, List.of(), List.of()));

        // when a later file sets only the latitude (the longitude column still NULL)
        ObjectNode latitudeOnly = withoutLocation.deepCopy();
        latitudeOnly.putObject("location").put("latitude", 53.0);
        WriteReport report = write(TwinFile.of("Gadget", key(), false, latitudeOnly, List.of(), List.of()));

        // then the latitude is patched and the kept longitude stays: the writer read the twin rather than set the
        // location whole from a last file that said nothing about it
        assertThat(report.summary().twins().patched()).isEqualTo(1);
        JsonNode twin = twin("g1");
        assertThat(twin.at("/location/latitude").asDouble()).isEqualTo(53.0);
        assertThat(twin.at("/location/longitude").asDouble()).isEqualTo(4.5);
    }

    private static ObjectNode key() {
        return StagingJson.mapper().createObjectNode().put("id", "g1");
    }

    private WriteReport write(TwinFile file) {
        Batch batch = TestBatches.batchWithModels(store, MODELS, file);
        return new TwinWriter(client, store, "emulator", WriterSettings.defaults()).write(batch, Partition.ALL);
    }

    private static TwinFile gadget(String serial, double latitude, String color, List<String> removals) {
        ObjectNode twin = StagingJson.mapper().createObjectNode().put("$dtId", "g1");
        twin.putObject("$metadata").put("$model", "dtmi:twinsync:test:Gadget;1");
        twin.put("name", "Gadget");
        ObjectNode nameplate = twin.putObject("nameplate");
        nameplate.putObject("$metadata");
        nameplate.put("serialNumber", serial);
        twin.putObject("location").put("latitude", latitude).put("longitude", 4.5);
        ObjectNode attributes = twin.putObject("attributes");
        if (color != null) {
            attributes.put("color", color);
        }
        ObjectNode key = StagingJson.mapper().createObjectNode().put("id", "g1");
        return TwinFile.of("Gadget", key, false, twin, List.of(), removals);
    }

    private JsonNode twin(String id) {
        try {
            return StagingJson.mapper().readTree(client.getDigitalTwin(id, String.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
