package io.twinsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.models.JsonPatchDocument;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.models.DigitalTwinsEventRoute;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsync.emulator.events.NotificationCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The notifications an emulator started with an events file writes: one NDJSON line per event and matching route,
 * in the shape of Microsoft Learn's "Event notifications" page, after writes made with the real SDK.
 */
class NotificationsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} client")
    @EnumSource(SdkFlavour.Kind.class)
    void everyWriteAndTelemetryIsNotifiedInOrderToARouteWithFilterTrue(SdkFlavour.Kind kind) throws IOException {
        // given
        Path events = dir.resolve("events.ndjson");
        String source;
        String buildingEtag;
        String relationshipEtag;
        try (AdtEmulator emulator = TestEmulators.builder().eventsFile(events).start()) {
            source = "localhost:" + emulator.endpoint().getPort();
            SdkFlavour sdk = kind.connect(emulator);
            EventSdk eventSdk = EventSdk.Kind.valueOf(kind.name()).connect(emulator);
            sdk.createModels(TestModels.all());
            eventSdk.createRoute("all", new DigitalTwinsEventRoute("hub").setFilter("true"));

            // when
            buildingEtag = sdk.createTwin("b", twin("b", TestModels.BUILDING).addToContents("floors", 4), null)
                    .getValue()
                    .getETag();
            sdk.createTwin("f", twin("f", TestModels.FLOOR), null);
            sdk.createTwin(
                    "p",
                    twin("p", TestModels.PLANT).addToContents("hvac", Map.of("$metadata", Map.of(), "setpoint", 21.0)),
                    null);
            sdk.updateTwin("b", new JsonPatchDocument().appendReplace("/floors", 5), null);
            sdk.updateComponent("p", "hvac", new JsonPatchDocument().appendReplace("/setpoint", 19.5), null);
            sdk.createTwin("f", twin("f", TestModels.FLOOR).addToContents("level", 2), null);
            sdk.createRelationship(
                    "b",
                    "r1",
                    new BasicRelationship("r1", "b", "f", "contains").addProperty("since", "2024-01-01"),
                    null);
            relationshipEtag = sdk.updateRelationship(
                            "b", "r1", new JsonPatchDocument().appendReplace("/since", "2024-02-02"), null)
                    .getDeserializedHeaders()
                    .getETag();
            eventSdk.publishTelemetry("b", "m1", Map.of("occupancy", 3));
            eventSdk.publishComponentTelemetry("p", "hvac", "m2", Map.of("temperature", 20.5));
            sdk.deleteRelationship("b", "r1", null);
            sdk.deleteTwin("f", null);
        }

        // then
        List<JsonNode> lines = lines(events);
        assertThat(lines)
                .extracting(line ->
                        line.get("type").asText() + " " + line.path("subject").asText("-"))
                .containsExactly(
                        "Microsoft.DigitalTwins.Twin.Create b",
                        "Microsoft.DigitalTwins.Twin.Create f",
                        "Microsoft.DigitalTwins.Twin.Create p",
                        "Microsoft.DigitalTwins.Twin.Update b",
                        "Microsoft.DigitalTwins.Twin.Update p",
                        "Microsoft.DigitalTwins.Twin.Update f",
                        "Microsoft.DigitalTwins.Relationship.Create b/relationships/r1",
                        "Microsoft.DigitalTwins.Relationship.Update b/relationships/r1",
                        "microsoft.iot.telemetry -",
                        "microsoft.iot.telemetry hvac",
                        "Microsoft.DigitalTwins.Relationship.Delete b/relationships/r1",
                        "Microsoft.DigitalTwins.Twin.Delete f");
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("specversion").asText()).isEqualTo("1.0");
            assertThat(line.get("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(line.get("traceparent").asText()).matches(TRACEPARENT);
            assertThat(line.get("routeId").asText()).isEqualTo("all");
            assertThat(line.get("endpointName").asText()).isEqualTo("hub");
        });
        List<JsonNode> notifications = lines.stream()
                .filter(line -> !line.get("type").asText().equals("microsoft.iot.telemetry"))
                .toList();
        assertThat(notifications).allSatisfy(line -> {
            assertThat(line.get("source").asText()).isEqualTo(source);
            assertThat(line.get("id").asText()).matches("[0-9a-f-]{36}");
            assertThat(line.get("time").asText()).isNotBlank();
            assertThat(line.has("dataschema")).isFalse();
        });
        assertThat(notifications).extracting(line -> line.get("id").asText()).doesNotHaveDuplicates();

        JsonNode created = lines.get(0).get("data");
        assertThat(created.get("$dtId").asText()).isEqualTo("b");
        assertThat(created.get("$etag").asText()).isEqualTo(buildingEtag);
        assertThat(created.get("floors").asInt()).isEqualTo(4);
        assertThat(created.get("$metadata").get("$model").asText()).isEqualTo(TestModels.BUILDING);
        assertThat(created.get("$metadata").get("floors").has("lastUpdateTime")).isTrue();
        assertThat(lines.get(2).get("data").get("hvac").get("setpoint").asDouble())
                .isEqualTo(21.0);

        assertThat(lines.get(3).get("data").toString())
                .isEqualTo("{\"modelId\":\"" + TestModels.BUILDING
                        + "\",\"patch\":[{\"value\":5,\"path\":\"/floors\",\"op\":\"replace\"}]}");
        assertThat(lines.get(4).get("data").toString())
                .isEqualTo("{\"modelId\":\"" + TestModels.PLANT
                        + "\",\"patch\":[{\"value\":19.5,\"path\":\"/hvac/setpoint\",\"op\":\"replace\"}]}");
        assertThat(lines.get(5).get("data").toString())
                .isEqualTo("{\"modelId\":\"" + TestModels.FLOOR
                        + "\",\"patch\":[{\"value\":2,\"path\":\"/level\",\"op\":\"add\"}]}");

        JsonNode relationship = lines.get(6).get("data");
        assertThat(relationship.get("$relationshipId").asText()).isEqualTo("r1");
        assertThat(relationship.get("$sourceId").asText()).isEqualTo("b");
        assertThat(relationship.get("$targetId").asText()).isEqualTo("f");
        assertThat(relationship.get("$relationshipName").asText()).isEqualTo("contains");
        assertThat(relationship.get("since").asText()).isEqualTo("2024-01-01");
        assertThat(lines.get(7).get("data").toString())
                .isEqualTo("{\"modelId\":\"" + TestModels.BUILDING
                        + "\",\"patch\":[{\"value\":\"2024-02-02\",\"path\":\"/since\",\"op\":\"replace\"}]}");

        JsonNode twinTelemetry = lines.get(8);
        assertThat(twinTelemetry.get("id").asText()).isEqualTo("m1");
        assertThat(twinTelemetry.get("source").asText()).isEqualTo(source + "/digitaltwins/b");
        assertThat(twinTelemetry.get("dataschema").asText()).isEqualTo(TestModels.BUILDING);
        assertThat(twinTelemetry.get("data").toString()).isEqualTo("{\"occupancy\":3}");
        assertThat(twinTelemetry.has("time")).isFalse();
        JsonNode componentTelemetry = lines.get(9);
        assertThat(componentTelemetry.get("id").asText()).isEqualTo("m2");
        assertThat(componentTelemetry.get("source").asText()).isEqualTo(source + "/digitaltwins/p");
        assertThat(componentTelemetry.get("dataschema").asText()).isEqualTo(TestModels.HVAC);
        assertThat(componentTelemetry.get("data").toString()).isEqualTo("{\"temperature\":20.5}");

        assertThat(lines.get(10).get("data").get("$etag").asText()).isEqualTo(relationshipEtag);
        assertThat(lines.get(10).get("data").get("since").asText()).isEqualTo("2024-02-02");
        assertThat(lines.get(11).get("data").get("$dtId").asText()).isEqualTo("f");
        assertThat(lines.get(11).get("data").get("level").asInt()).isEqualTo(2);
    }

    @Test
    void eachRouteGetsWhatItsFilterLetsThroughAndAnEventMatchingTwoRoutesIsDeliveredTwice() throws IOException {
        // given
        Path events = dir.resolve("events.ndjson");
        try (AdtEmulator emulator = TestEmulators.builder().eventsFile(events).start()) {
            SdkFlavour sdk = SdkFlavour.Kind.SYNC.connect(emulator);
            EventSdk routes = EventSdk.Kind.SYNC.connect(emulator);
            sdk.createModels(TestModels.all());
            routes.createRoute("none", new DigitalTwinsEventRoute("hub").setFilter("false"));
            routes.createRoute(
                    "creates",
                    new DigitalTwinsEventRoute("grid").setFilter("type = 'Microsoft.DigitalTwins.Twin.Create'"));
            routes.createRoute(
                    "legacy", new DigitalTwinsEventRoute("bus").setFilter(EventRouteConformanceTests.RECORDED_FILTER));
            routes.createRoute(
                    "floors",
                    new DigitalTwinsEventRoute("hub")
                            .setFilter("STARTS_WITH($body.$metadata.$model, 'dtmi:test:Floor')"));

            // when
            sdk.createTwin("b", twin("b", TestModels.BUILDING), null);
            sdk.createTwin("f", twin("f", TestModels.FLOOR), null);
            sdk.updateTwin("b", new JsonPatchDocument().appendAdd("/floors", 2), null);
            routes.publishTelemetry("b", "m1", Map.of("occupancy", 1));
            sdk.deleteTwin("f", null);
        }

        // then
        List<JsonNode> lines = lines(events);
        assertThat(routed(lines, "none")).isEmpty();
        assertThat(routed(lines, "creates"))
                .containsExactly("Microsoft.DigitalTwins.Twin.Create b", "Microsoft.DigitalTwins.Twin.Create f");
        assertThat(routed(lines, "legacy"))
                .containsExactly(
                        "Microsoft.DigitalTwins.Twin.Create b",
                        "Microsoft.DigitalTwins.Twin.Create f",
                        "microsoft.iot.telemetry -",
                        "Microsoft.DigitalTwins.Twin.Delete f");
        assertThat(routed(lines, "floors"))
                .containsExactly("Microsoft.DigitalTwins.Twin.Create f", "Microsoft.DigitalTwins.Twin.Delete f");
        assertThat(lines.stream().filter(line -> line.get("routeId").asText().equals("creates")))
                .allSatisfy(
                        line -> assertThat(line.get("endpointName").asText()).isEqualTo("grid"));
        List<String> createOfB = lines.stream()
                .filter(line -> line.get("type").asText().endsWith("Twin.Create")
                        && line.get("subject").asText().equals("b"))
                .map(line -> line.get("id").asText())
                .toList();
        assertThat(createOfB).hasSize(2).containsOnly(createOfB.get(0));
    }

    @Test
    void theFileHoldsEveryNotificationOnceTheEmulatorIsClosed() throws IOException {
        // given
        Path events = dir.resolve("nested").resolve("events.ndjson");
        AdtEmulator emulator = TestEmulators.builder().eventsFile(events).start();
        SdkFlavour sdk = SdkFlavour.Kind.SYNC.connect(emulator);
        sdk.createModels(TestModels.all());
        EventSdk.Kind.SYNC.connect(emulator).createRoute("all", new DigitalTwinsEventRoute("hub").setFilter("true"));
        for (int i = 0; i < 300; i++) {
            sdk.createTwin("room-" + i, twin("room-" + i, TestModels.ROOM), null);
        }

        // when
        emulator.close();
        NotificationCounts counts = emulator.notifications();

        // then
        assertThat(Files.readAllLines(events)).hasSize(300);
        assertThat(lines(events))
                .extracting(line -> line.get("subject").asText())
                .startsWith("room-0", "room-1", "room-2")
                .endsWith("room-299");
        assertThat(counts).isEqualTo(new NotificationCounts(300, 0));
    }

    @Test
    void withoutAnEventsFileNoNotificationIsProduced() {
        // given
        try (AdtEmulator emulator = TestEmulators.start()) {
            SdkFlavour sdk = SdkFlavour.Kind.SYNC.connect(emulator);
            sdk.createModels(TestModels.all());
            EventSdk.Kind.SYNC
                    .connect(emulator)
                    .createRoute("all", new DigitalTwinsEventRoute("hub").setFilter("true"));

            // when
            sdk.createTwin("b", twin("b", TestModels.BUILDING), null);

            // then
            assertThat(emulator.notifications()).isEqualTo(NotificationCounts.NONE);
        }
    }

    @Test
    void aRouteSeesOnlyChangesMadeAfterItWasCreated() throws IOException {
        // given
        Path events = dir.resolve("events.ndjson");
        try (AdtEmulator emulator = TestEmulators.builder().eventsFile(events).start()) {
            SdkFlavour sdk = SdkFlavour.Kind.SYNC.connect(emulator);
            sdk.createModels(TestModels.all());
            sdk.createTwin("before", twin("before", TestModels.ROOM), null);

            // when
            EventSdk.Kind.SYNC
                    .connect(emulator)
                    .createRoute("all", new DigitalTwinsEventRoute("hub").setFilter("true"));
            sdk.createTwin("after", twin("after", TestModels.ROOM), null);
        }

        // then
        assertThat(lines(events))
                .extracting(line -> line.get("subject").asText())
                .containsExactly("after");
    }

    @Test
    void aReplaceThatChangesNothingIsNotNotified() throws IOException {
        // given
        Path events = dir.resolve("events.ndjson");
        try (AdtEmulator emulator = TestEmulators.builder().eventsFile(events).start()) {
            SdkFlavour sdk = SdkFlavour.Kind.SYNC.connect(emulator);
            sdk.createModels(TestModels.all());
            EventSdk.Kind.SYNC
                    .connect(emulator)
                    .createRoute("all", new DigitalTwinsEventRoute("hub").setFilter("true"));
            sdk.createTwin("r", twin("r", TestModels.ROOM).addToContents("area", 12.5), null);

            // when
            sdk.createTwin("r", twin("r", TestModels.ROOM).addToContents("area", 12.5), null);
            sdk.createTwin("r", twin("r", TestModels.ROOM), null);
        }

        // then
        List<JsonNode> lines = lines(events);
        assertThat(lines)
                .extracting(line -> line.get("type").asText())
                .containsExactly("Microsoft.DigitalTwins.Twin.Create", "Microsoft.DigitalTwins.Twin.Update");
        assertThat(lines.get(1).get("data").get("patch").toString())
                .isEqualTo("[{\"path\":\"/area\",\"op\":\"remove\"}]");
    }

    @Test
    void twinsAndRelationshipsAnImportJobCreatesAreNotifiedLikeThoseOfTheRestApi() throws IOException {
        // given
        Path events = dir.resolve("events.ndjson");
        try (AdtEmulator emulator = TestEmulators.builder().eventsFile(events).start()) {
            SdkFlavour.Kind.SYNC.connect(emulator).createModels(TestModels.all());
            EventSdk.Kind.SYNC
                    .connect(emulator)
                    .createRoute("all", new DigitalTwinsEventRoute("hub").setFilter("true"));
            ImportFiles file = ImportFiles.withHeader()
                    .section("Twins")
                    .line("{\"$dtId\": \"b1\", \"$metadata\": {\"$model\": \"" + TestModels.BUILDING + "\"}}")
                    .line("{\"$dtId\": \"f1\", \"$metadata\": {\"$model\": \"" + TestModels.FLOOR + "\"}}")
                    .section("Relationships")
                    .line("{\"$dtId\": \"b1\", \"$relationshipId\": \"r1\", \"$targetId\": \"f1\","
                            + " \"$relationshipName\": \"contains\"}");
            SdkImportJobs jobs = new SdkImportJobs(emulator);

            // when
            jobs.create(
                    "import",
                    file.writeTo(dir.resolve("input.ndjson")).toUri().toString(),
                    dir.resolve("log.ndjson").toUri().toString());
            jobs.awaitEnd("import");
        }

        // then
        assertThat(lines(events))
                .extracting(line ->
                        line.get("type").asText() + " " + line.get("subject").asText())
                .containsExactly(
                        "Microsoft.DigitalTwins.Twin.Create b1",
                        "Microsoft.DigitalTwins.Twin.Create f1",
                        "Microsoft.DigitalTwins.Relationship.Create b1/relationships/r1");
    }

    private static List<String> routed(List<JsonNode> lines, String routeId) {
        Predicate<JsonNode> onRoute = line -> line.get("routeId").asText().equals(routeId);
        return lines.stream()
                .filter(onRoute)
                .map(line ->
                        line.get("type").asText() + " " + line.path("subject").asText("-"))
                .toList();
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static BasicDigitalTwin twin(String id, String model) {
        return new BasicDigitalTwin(id).setMetadata(new BasicDigitalTwinMetadata().setModelId(model));
    }
}
