package io.twinsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page sizes of an emulator whose builder sets none, for clients that send no {@code max-items-per-page}:
 * relationship listings come 10 per page as in the service's recorded sessions, other listings 100.
 */
class ListingPageSizeTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AdtEmulator emulator;
    private static DigitalTwinsClient client;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        emulator = TestEmulators.start();
        client = SdkClients.sync(emulator);
        client.createModels(TestModels.all());
        http = new RawHttp(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void outgoingRelationshipsComeTenPerPage() throws Exception {
        // given a building containing eleven floors
        twin("b-out", TestModels.BUILDING);
        for (int i = 0; i < 11; i++) {
            twin("f-out-" + i, TestModels.FLOOR);
            relate("b-out", "r-out-" + i, "f-out-" + i);
        }

        // when the relationships are listed without max-items-per-page
        List<JsonNode> pages = pages("/digitaltwins/b-out/relationships");

        // then
        assertThat(pages).extracting(page -> page.get("value").size()).containsExactly(10, 1);
    }

    @Test
    void incomingRelationshipsComeTenPerPage() throws Exception {
        // given eleven buildings containing one floor
        twin("f-in", TestModels.FLOOR);
        for (int i = 0; i < 11; i++) {
            twin("b-in-" + i, TestModels.BUILDING);
            relate("b-in-" + i, "r-in-" + i, "f-in");
        }

        // when
        List<JsonNode> pages = pages("/digitaltwins/f-in/incomingrelationships");

        // then
        assertThat(pages).extracting(page -> page.get("value").size()).containsExactly(10, 1);
    }

    @Test
    void modelsComeOneHundredPerPage() throws Exception {
        // given eleven more models than the six test models
        List<String> models = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            models.add("{\"@id\":\"dtmi:pages:M" + i
                    + ";1\",\"@type\":\"Interface\",\"@context\":\"dtmi:dtdl:context;3\"}");
        }
        client.createModels(models);

        // when
        List<JsonNode> pages = pages("/models");

        // then
        assertThat(pages).extracting(page -> page.get("value").size()).containsExactly(17);
    }

    /** Every page of a listing, following next links as the SDK does. */
    private static List<JsonNode> pages(String path) throws Exception {
        List<JsonNode> pages = new ArrayList<>();
        HttpResponse<String> response = http.get(path);
        while (true) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            pages.add(page);
            JsonNode next = page.get("nextLink");
            if (next == null || next.isNull()) {
                return pages;
            }
            URI link = URI.create(next.asText());
            response = http.send("GET", link.getRawPath() + "?" + link.getRawQuery(), null, null);
        }
    }

    private static void twin(String id, String model) {
        client.createOrReplaceDigitalTwin(
                id,
                new BasicDigitalTwin(id).setMetadata(new BasicDigitalTwinMetadata().setModelId(model)),
                BasicDigitalTwin.class);
    }

    private static void relate(String source, String id, String target) {
        client.createOrReplaceRelationship(
                source, id, new BasicRelationship(id, source, target, "contains"), BasicRelationship.class);
    }
}
