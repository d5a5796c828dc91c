package io.twinsync.emulator;

import static io.twinsync.emulator.AdtAssertions.assertAdtError;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.rest.Response;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code POST .../telemetry} for twins and components through both SDK clients (recorded:
 * PublishTelemetryTests.publishTelemetryLifecycleTest, 204 for both), and the header and body checks of the REST spec.
 */
class TelemetryConformanceTests {

    private static AdtEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = TestEmulators.start();
        DigitalTwinsClient client = SdkClients.sync(emulator);
        client.createModels(TestModels.all());
        client.createOrReplaceDigitalTwin(
                "plant",
                new BasicDigitalTwin("plant")
                        .setMetadata(new BasicDigitalTwinMetadata().setModelId(TestModels.PLANT))
                        .addToContents("hvac", Map.of("$metadata", Map.of(), "setpoint", 21.0)),
                BasicDigitalTwin.class);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(EventSdk.Kind.class)
    void telemetryOfATwinAndOfItsComponentIsAcceptedWithNoContent(EventSdk.Kind kind) {
        // given (the recorded session sends telemetry the model does not declare, and the service takes it)
        EventSdk sdk = kind.connect(emulator);
        EmulatorStats before = emulator.stats();

        // when
        Response<Void> twin = sdk.publishTelemetry("plant", kind.tag("m1"), Map.of("Telemetry1", 5));
        Response<Void> component =
                sdk.publishComponentTelemetry("plant", "hvac", kind.tag("m2"), Map.of("ComponentTelemetry1", 9));

        // then
        assertThat(twin.getStatusCode()).isEqualTo(204);
        assertThat(component.getStatusCode()).isEqualTo(204);
        EmulatorStats delta = emulator.stats().since(before);
        assertThat(delta.count("twins.telemetry")).isEqualTo(1);
        assertThat(delta.count("components.telemetry")).isEqualTo(1);
        assertThat(delta.telemetrySent()).isEqualTo(2);
        assertThat(delta.twinWrites()).isZero();
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(EventSdk.Kind.class)
    void telemetryForAMissingTwinOrComponentIsNotFound(EventSdk.Kind kind) {
        // given
        EventSdk sdk = kind.connect(emulator);

        // when / then (the REST spec's codes for both)
        assertAdtError(() -> sdk.publishTelemetry("ghost", "m", Map.of("t", 1)), 404, "DigitalTwinNotFound", "ghost");
        assertAdtError(
                () -> sdk.publishComponentTelemetry("plant", "boiler", "m", Map.of("t", 1)),
                404,
                "ComponentNotFound",
                "boiler");
    }

    @Test
    void telemetryWithoutAMessageIdIsAnInvalidArgument() throws Exception {
        // when
        HttpResponse<String> twin = post("/digitaltwins/plant/telemetry", null, "{\"t\": 1}");
        HttpResponse<String> component = post("/digitaltwins/plant/components/hvac/telemetry", " ", "{\"t\": 1}");

        // then
        assertThat(twin.statusCode()).isEqualTo(400);
        assertThat(twin.headers().firstValue("x-ms-error-code")).contains("InvalidArgument");
        assertThat(twin.body()).contains("Message-Id");
        assertThat(component.statusCode()).isEqualTo(400);
        assertThat(component.headers().firstValue("x-ms-error-code")).contains("InvalidArgument");
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(EventSdk.Kind.class)
    void aStringPayloadWhichTheSdkSendsAsAJsonStringIsRefusedWithAHint(EventSdk.Kind kind) {
        // given
        EventSdk sdk = kind.connect(emulator);

        // when / then
        assertAdtError(
                () -> sdk.publishTelemetry("plant", "m", "{\"Telemetry1\": 5}"),
                400,
                "ValidationFailed",
                "pass a Map or an object");
    }

    @Test
    void telemetryThatIsNotAJsonObjectIsRefused() throws Exception {
        // when
        HttpResponse<String> array = post("/digitaltwins/plant/telemetry", "m1", "[1, 2]");
        HttpResponse<String> malformed = post("/digitaltwins/plant/telemetry", "m2", "{not json");

        // then
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(array.headers().firstValue("x-ms-error-code")).contains("ValidationFailed");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("x-ms-error-code")).contains("InvalidArgument");
    }

    @Test
    void telemetryWithAMessageIdIsNoContentOverPlainHttp() throws Exception {
        // when
        HttpResponse<String> response = post("/digitaltwins/plant/telemetry", "m3", "{\"temperature\": 20.5}");

        // then
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    private static HttpResponse<String> post(String path, String messageId, String body) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(emulator.trustingSslContext())
                .build();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(emulator.endpoint() + path + "?" + RawHttp.API_VERSION))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (messageId != null) {
            request.header("Message-Id", messageId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
