package io.twinsync.dtdl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ModelDocumentsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoWritingsOfOneModelAreTheSameModel() throws Exception {
        // given one model written twice: key order, arrays of one, IRI keys, a value object
        JsonNode a = JSON.readTree("{\"@id\":\"dtmi:x:Pump;1\",\"@type\":\"Interface\",\"@context\":"
                + "\"dtmi:dtdl:context;3\",\"contents\":{\"@type\":\"Property\",\"name\":\"flow\",\"schema\":\"double\","
                + "\"writable\":true}}");
        JsonNode b = JSON.readTree("{\"@context\":[\"dtmi:dtdl:context;3\"],\"@type\":[\"Interface\"],"
                + "\"@id\":\"dtmi:x:Pump;1\",\"contents\":[{\"name\":\"flow\",\"@type\":\"Property\","
                + "\"dtmi:dtdl:property:schema;3\":\"double\",\"writable\":{\"@value\":true}}]}");

        // then
        assertThat(ModelDocuments.sameModel(a, b)).isTrue();
        assertThat(ModelDocuments.differences(a, b)).isEmpty();
    }

    @Test
    void theOrderOfASetAnEmptySetAndTheWritingOfANumberAreNotDifferences() throws Exception {
        // given the same model re-exported: contents and co-types reordered, an empty 'extends', 0.50 for 0.5
        JsonNode a = JSON.readTree("{\"@id\":\"dtmi:x:Pump;1\",\"contents\":[{\"name\":\"a\",\"schema\":\"double\"},"
                + "{\"@type\":[\"Property\",\"Temperature\"],\"name\":\"t\",\"minValue\":0.5}]}");
        JsonNode b = JSON.readTree("{\"@id\":\"dtmi:x:Pump;1\",\"extends\":[],\"contents\":[{\"@type\":"
                + "[\"Temperature\",\"Property\"],\"name\":\"t\",\"minValue\":0.50},{\"name\":\"a\",\"schema\":"
                + "\"double\"}]}");

        // then
        assertThat(ModelDocuments.differences(a, b)).isEmpty();
    }

    @Test
    void aChangedSchemaAndAnAddedPropertyAreDifferencesWithTheirPaths() throws Exception {
        // given
        JsonNode uploaded = JSON.readTree(
                "{\"@id\":\"dtmi:x:Pump;1\",\"displayName\":{\"en\":\"Pump\"},"
                        + "\"contents\":[{\"name\":\"flow\",\"schema\":\"double\"},{\"name\":\"state\",\"schema\":\"string\"}]}");
        JsonNode local = JSON.readTree(
                "{\"@id\":\"dtmi:x:Pump;1\",\"displayName\":{\"en\":\"Pump\",\"de\":\"Pumpe\"},"
                        + "\"contents\":[{\"name\":\"flow\",\"schema\":\"float\"},{\"name\":\"state\",\"schema\":\"string\"}]}");

        // when
        var differences = ModelDocuments.differences(uploaded, local);

        // then
        assertThat(ModelDocuments.sameModel(uploaded, local)).isFalse();
        assertThat(differences).containsExactly("/contents/flow/schema", "/displayName/de");
    }
}
