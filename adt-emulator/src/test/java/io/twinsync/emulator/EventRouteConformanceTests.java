package io.twinsync.emulator;

import static io.twinsync.emulator.AdtAssertions.assertAdtError;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.rest.Response;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.models.DigitalTwinsEventRoute;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code /eventroutes} through both SDK clients, against what the service answered in the Azure SDK's recorded
 * sessions (EventRoutesTest / EventRoutesAsyncTest in Azure/azure-sdk-assets).
 */
class EventRouteConformanceTests {

    /** The filter of the SDK's recorded tests. */
    static final String RECORDED_FILTER =
            "$eventType = 'DigitalTwinTelemetryMessages' or $eventType = 'DigitalTwinLifecycleNotification'";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AdtEmulator emulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emulator = TestEmulators.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** Routes are few per instance, so each test starts without any (as the SDK's tests do). */
    @BeforeEach
    void removeAllRoutes() {
        DigitalTwinsClient client = SdkClients.sync(emulator);
        List<String> ids = new ArrayList<>();
        client.listEventRoutes().forEach(route -> ids.add(route.getEventRouteId()));
        ids.forEach(client::deleteEventRoute);
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(EventSdk.Kind.class)
    void aRouteIsCreatedReadListedAndDeleted(EventSdk.Kind kind) {
        // given
        EventSdk sdk = kind.connect(emulator);
        String id = kind.tag("route");

        // when
        Response<Void> created =
                sdk.createRoute(id, new DigitalTwinsEventRoute("someEventHubEndpoint").setFilter(RECORDED_FILTER));
        DigitalTwinsEventRoute read = sdk.getRoute(id);
        List<List<DigitalTwinsEventRoute>> listed = sdk.listRoutePages(null);
        Response<Void> deleted = sdk.deleteRoute(id);

        // then
        assertThat(created.getStatusCode()).isEqualTo(204);
        assertThat(read.getEventRouteId()).isEqualTo(id);
        assertThat(read.getEndpointName()).isEqualTo("someEventHubEndpoint");
        assertThat(read.getFilter()).isEqualTo(RECORDED_FILTER);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0))
                .extracting(DigitalTwinsEventRoute::getEventRouteId)
                .containsExactly(id);
        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertAdtError(() -> sdk.getRoute(id), 404, "EventRouteNotFound");
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(EventSdk.Kind.class)
    void theListingFollowsMaxItemsPerPageInCreationOrder(EventSdk.Kind kind) {
        // given five routes whose ids are not in creation order
        EventSdk sdk = kind.connect(emulator);
        List<String> ids =
                List.of("e", "a", "d", "b", "c").stream().map(kind::tag).toList();
        ids.forEach(id -> sdk.createRoute(id, new DigitalTwinsEventRoute("hub").setFilter("true")));

        // when
        List<List<DigitalTwinsEventRoute>> pages = sdk.listRoutePages(2);

        // then (recorded: five routes listed two at a time, in the order they were made)
        assertThat(pages).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(pages.stream().flatMap(List::stream).map(DigitalTwinsEventRoute::getEventRouteId))
                .containsExactlyElementsOf(ids);
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(EventSdk.Kind.class)
    void aMalformedFilterIsRefusedAsTheServiceRefusesIt(EventSdk.Kind kind) {
        // given
        EventSdk sdk = kind.connect(emulator);
        String id = kind.tag("malformed");

        // when / then (recorded: EventRoutesTest.createEventRouteThrowsIfFilterIsMalformed)
        assertAdtError(
                () -> sdk.createRoute(
                        id, new DigitalTwinsEventRoute("someEventHubEndpoint").setFilter("this is not a valid filter")),
                400,
                "EventRouteFilterInvalid",
                "The provided filter is invalid. Parsing error, Line=1, Position=6, Message=Unexpected input 'is'."
                        + " See event route documentation for supported values and structure"
                        + " (https://aka.ms/ADTv2Routes).");
        assertAdtError(() -> sdk.getRoute(id), 404, "EventRouteNotFound");
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(EventSdk.Kind.class)
    void aMissingRouteIsNotFoundWithTheServicesMessage(EventSdk.Kind kind) {
        // given
        EventSdk sdk = kind.connect(emulator);
        String id = kind.tag("ghost");

        // when / then (recorded: EventRoutesTest.getEventRouteThrowsIfEventRouteDoesNotExist)
        assertAdtError(
                () -> sdk.getRoute(id),
                404,
                "EventRouteNotFound",
                "There is no route available that matches the provided input. Check for all valid event routes by"
                        + " calling EventRoute_List.");
        assertAdtError(() -> sdk.deleteRoute(id), 404, "EventRouteNotFound");
    }

    @ParameterizedTest(name = "{0} client")
    @EnumSource(EventSdk.Kind.class)
    void replacingARouteChangesItAndKeepsItsPlace(EventSdk.Kind kind) {
        // given
        EventSdk sdk = kind.connect(emulator);
        List<String> ids = List.of(kind.tag("first"), kind.tag("second"));
        ids.forEach(id -> sdk.createRoute(id, new DigitalTwinsEventRoute("hub").setFilter("true")));

        // when
        Response<Void> replaced = sdk.createRoute(
                ids.get(0), new DigitalTwinsEventRoute("grid").setFilter("type = 'microsoft.iot.telemetry'"));

        // then
        assertThat(replaced.getStatusCode()).isEqualTo(204);
        DigitalTwinsEventRoute read = sdk.getRoute(ids.get(0));
        assertThat(read.getEndpointName()).isEqualTo("grid");
        assertThat(read.getFilter()).isEqualTo("type = 'microsoft.iot.telemetry'");
        assertThat(sdk.listRoutePages(null).get(0))
                .extracting(DigitalTwinsEventRoute::getEventRouteId)
                .containsExactlyElementsOf(ids);
    }

    @Test
    void aSeventhRouteIsRefusedAsOverTheLimitButRoutesCanStillBeReplaced() {
        // given the limits page's six routes
        EventSdk sdk = EventSdk.Kind.SYNC.connect(emulator);
        IntStream.range(0, 6)
                .forEach(i -> sdk.createRoute("route-" + i, new DigitalTwinsEventRoute("hub").setFilter("true")));

        // when / then
        assertAdtError(
                () -> sdk.createRoute("route-6", new DigitalTwinsEventRoute("hub").setFilter("true")),
                400,
                "LimitExceeded",
                "6 event routes");
        assertThat(sdk.createRoute("route-0", new DigitalTwinsEventRoute("hub").setFilter("false"))
                        .getStatusCode())
                .isEqualTo(204);
    }

    @Test
    void aRouteNeedsAnEndpointNameAndAFilter() throws Exception {
        // given
        RawHttp http = new RawHttp(emulator);

        // when
        HttpResponse<String> noEndpoint = http.put("/eventroutes/r", "{\"filter\": \"true\"}");
        HttpResponse<String> noFilter = http.put("/eventroutes/r", "{\"endpointName\": \"hub\"}");
        HttpResponse<String> notAnObject = http.put("/eventroutes/r", "[]");

        // then
        assertThat(noEndpoint.statusCode()).isEqualTo(400);
        assertThat(noEndpoint.headers().firstValue("x-ms-error-code")).contains("EventRouteEndpointInvalid");
        assertThat(noFilter.statusCode()).isEqualTo(400);
        assertThat(noFilter.headers().firstValue("x-ms-error-code")).contains("EventRouteFilterInvalid");
        assertThat(noFilter.body()).contains("\\\"filter\\\": \\\"true\\\"");
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(notAnObject.headers().firstValue("x-ms-error-code")).contains("InvalidArgument");
    }

    @Test
    void thePathIsAcceptedInTheServicesOwnSpellingAndPagesLinkBackAbsolutely() throws Exception {
        // given (the service's nextLinks spell the path "/EventRoutes")
        RawHttp http = new RawHttp(emulator);
        http.put("/eventroutes/one", "{\"endpointName\": \"hub\", \"filter\": \"true\"}");
        http.put("/eventroutes/two", "{\"endpointName\": \"hub\", \"filter\": \"false\"}");

        // when
        HttpResponse<String> first = http.send("GET", "/EventRoutes", null, null);
        JsonNode page = JSON.readTree(getOnePerPage("/eventroutes").body());

        // then
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("value")).hasSize(2);
        assertThat(page.get("value")).hasSize(1);
        assertThat(page.get("value").get(0).toString())
                .isEqualTo("{\"id\":\"one\",\"endpointName\":\"hub\",\"filter\":\"true\"}");
        assertThat(page.get("nextLink").asText())
                .startsWith(emulator.endpoint() + "/eventroutes?")
                .contains("api-version=2023-10-31", "continuationToken=");
    }

    @Test
    void aContinuationTokenTheEmulatorDidNotGiveOutIsAnInvalidArgument() throws Exception {
        // given a token that is not base64url, and one that is but names no place in the list
        RawHttp http = new RawHttp(emulator);
        String notBase64 = "not*base64";
        String notAPlace = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("route-7".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        for (String token : List.of(notBase64, notAPlace)) {
            // when
            HttpResponse<String> response = http.send("GET", "/eventroutes?continuationToken=" + token, null, null);

            // then
            assertThat(response.statusCode()).as(token).isEqualTo(400);
            assertThat(response.headers().firstValue("x-ms-error-code"))
                    .as(token)
                    .contains("InvalidArgument");
            assertThat(JSON.readTree(response.body())
                            .path("error")
                            .path("message")
                            .asText())
                    .isEqualTo("The continuation token '" + token + "' is not valid");
        }
    }

    private static HttpResponse<String> getOnePerPage(String path) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(emulator.trustingSslContext())
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.endpoint() + path + "?" + RawHttp.API_VERSION))
                .header("max-items-per-page", "1")
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eventRouteRequestsAreCountedByKind() {
        // given
        EventSdk sdk = EventSdk.Kind.SYNC.connect(emulator);
        EmulatorStats before = emulator.stats();

        // when
        sdk.createRoute("counted", new DigitalTwinsEventRoute("hub").setFilter("true"));
        sdk.getRoute("counted");
        sdk.listRoutePages(null);
        sdk.deleteRoute("counted");

        // then
        EmulatorStats delta = emulator.stats().since(before);
        assertThat(delta.count("eventroutes.put")).isEqualTo(1);
        assertThat(delta.count("eventroutes.get")).isEqualTo(1);
        assertThat(delta.count("eventroutes.list")).isEqualTo(1);
        assertThat(delta.count("eventroutes.delete")).isEqualTo(1);
        assertThat(delta.eventRouteRequests()).isEqualTo(4);
    }

    @Test
    void routesSurviveARestartWithTheSnapshotInTheirOrder() {
        // given
        Path snapshot = dir.resolve("snapshot.json");
        try (AdtEmulator first = TestEmulators.builder().snapshotFile(snapshot).start()) {
            EventSdk sdk = EventSdk.Kind.SYNC.connect(first);
            sdk.createRoute("z", new DigitalTwinsEventRoute("hub").setFilter(RECORDED_FILTER));
            sdk.createRoute("a", new DigitalTwinsEventRoute("grid").setFilter("type = 'microsoft.iot.telemetry'"));
        }

        // when
        try (AdtEmulator second = TestEmulators.builder().snapshotFile(snapshot).start()) {
            List<DigitalTwinsEventRoute> routes =
                    EventSdk.Kind.SYNC.connect(second).listRoutePages(null).get(0);

            // then
            assertThat(routes)
                    .extracting(DigitalTwinsEventRoute::getEventRouteId)
                    .containsExactly("z", "a");
            assertThat(routes)
                    .extracting(DigitalTwinsEventRoute::getFilter)
                    .containsExactly(RECORDED_FILTER, "type = 'microsoft.iot.telemetry'");
            assertThat(routes)
                    .extracting(DigitalTwinsEventRoute::getEndpointName)
                    .containsExactly("hub", "grid");
        }
    }
}
