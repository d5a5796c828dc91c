package io.twinsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.DigitalTwinsServiceVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The wire details the SDK does not show: api-version handling, error shape, headers and links. */
class HttpContractTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AdtEmulator emulator;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        emulator = TestEmulators.builder().pageSize(1).start();
        http = HttpClient.newBuilder().sslContext(emulator.trustingSslContext()).build();
        SdkClients.sync(emulator).createModels(TestModels.all());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aMissingApiVersionIsABadRequestInAdtErrorShape() throws Exception {
        // when
        HttpResponse<String> response = send("GET", "/models", null);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-ms-error-code")).contains("MissingApiVersionParameter");
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("MissingApiVersionParameter");
        assertThat(error.get("message").asText()).contains("2023-10-31");
    }

    @Test
    void anUnsupportedApiVersionIsRefused() throws Exception {
        HttpResponse<String> response = send("GET", "/models?api-version=2019-01-01", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-ms-error-code")).contains("UnsupportedApiVersionValue");
    }

    @Test
    void olderSdkServiceVersionsAreAccepted() {
        DigitalTwinsClient old = SdkClients.sync(emulator, DigitalTwinsServiceVersion.V2020_10_31);
        assertThat(old.listModels()).hasSize(6);
    }

    @Test
    void nextLinksUseTheHostTheClientCalledAndKeepTheApiVersion() throws Exception {
        // given a client that calls the IP address rather than localhost
        URI byIp = URI.create("https://127.0.0.1:" + emulator.endpoint().getPort()
                + "/models?api-version=2022-05-31&includeModelDefinition=false");

        // when
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(byIp).GET().build(), HttpResponse.BodyHandlers.ofString());

        // then
        String nextLink = JSON.readTree(response.body()).get("nextLink").asText();
        assertThat(nextLink)
                .startsWith("https://127.0.0.1:" + emulator.endpoint().getPort() + "/models?")
                .contains("api-version=2022-05-31", "continuationToken=");
    }

    @Test
    void operationsNotOfferedYetAnswerNotImplemented() throws Exception {
        HttpResponse<String> response = send("GET", "/jobs/deletions?api-version=2023-10-31", null);
        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(response.headers().firstValue("x-ms-error-code")).contains("NotImplemented");
    }

    @Test
    void unknownPathsAnswerNotFound() throws Exception {
        HttpResponse<String> response = send("GET", "/nothing-here?api-version=2023-10-31", null);
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = send("PUT", "/digitaltwins/x?api-version=2023-10-31", "{not json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-ms-error-code")).contains("InvalidArgument");
    }

    @Test
    void aModelIdThatIsNotADtmiIsAnInvalidArgumentNotANotFound() throws Exception {
        // when (the request of the SDK's recorded session ModelsTest.getModelThrowsIfModelIdInvalid)
        HttpResponse<String> get =
                send("GET", "/models/thisIsNotAValidModelId?includeModelDefinition=true&api-version=2023-10-31", null);
        HttpResponse<String> delete = send("DELETE", "/models/not-a-dtmi?api-version=2023-10-31", null);

        // then
        assertThat(get.statusCode()).isEqualTo(400);
        assertThat(get.headers().firstValue("x-ms-error-code")).contains("InvalidArgument");
        assertThat(JSON.readTree(get.body()).path("error").path("message").asText())
                .isEqualTo("The format of the Model ID thisIsNotAValidModelId provided is not supported. See model"
                        + " documentation(https://aka.ms/ADTv2Models) for supported format.");
        assertThat(delete.statusCode()).isEqualTo(400);
        assertThat(send("GET", "/models/dtmi:test:Missing;1?api-version=2023-10-31", null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void collectionNamesMatchWithoutCaseAsInTheServicesOwnNextLinks() throws Exception {
        // when (the service's next links say /Models; the SDK follows them as they are)
        HttpResponse<String> response =
                send("GET", "/Models?includeModelDefinition=False&api-version=2023-10-31", null);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("value").size()).isEqualTo(1);
    }

    private static HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.endpoint() + pathAndQuery))
                .header("Authorization", "Bearer anything")
                .header("Content-Type", "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
