package io.twinsync.emulator.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates what a recording found on the instance but never made: models and event routes that other test sessions
 * had left there and that show up in the recorded listings. Without them the listings would be shorter and page
 * differently. They are created through the same API the recording uses; each creation is a check, so that a
 * failure is reported, not hidden.
 */
final class StateSeeder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ReplayClient client;
    private final VolatileValues volatiles;

    StateSeeder(ReplayClient client, VolatileValues volatiles) {
        this.client = client;
        this.volatiles = volatiles;
    }

    void seed(Recording recording, CheckLog log) {
        for (JsonNode model : leftoverModels(recording)) {
            String body = "[" + minimalInterface(model) + "]";
            create(
                    log,
                    "POST",
                    "/models?api-version=2022-05-31",
                    body,
                    model.path("id").asText());
        }
        leftoverRoutes(recording).forEach((id, route) -> {
            ObjectNode body = NODES.objectNode();
            body.set("endpointName", route.path("endpointName"));
            body.set("filter", route.path("filter"));
            create(log, "PUT", "/eventroutes/" + id + "?api-version=2022-05-31", body.toString(), id);
        });
    }

    private void create(CheckLog log, String method, String pathAndQuery, String body, String what) {
        ReplayedResponse response = client.send(
                method,
                java.net.URI.create(volatiles.endpoint() + pathAndQuery),
                Map.of("Content-Type", "application/json"),
                body);
        boolean created = response.status() / 100 == 2;
        log.check(
                created,
                new Mismatch(
                        -1,
                        method,
                        pathAndQuery.split("\\?")[0],
                        "creating " + what + ", which the recording found already there",
                        "2xx",
                        response.status() + " " + response.body()));
    }

    /** Models listed by GET /models but never uploaded in the recording, oldest upload first. */
    static List<JsonNode> leftoverModels(Recording recording) {
        Set<String> uploaded = new TreeSet<>();
        Map<String, JsonNode> listed = new LinkedHashMap<>();
        for (RecordedExchange exchange : recording.exchanges()) {
            String path = exchange.path().toLowerCase(java.util.Locale.ROOT);
            JsonNode body = exchange.responseBody();
            if (body == null || !path.equals("/models")) {
                continue;
            }
            if (exchange.method().equals("POST")) {
                body.forEach(model -> uploaded.add(model.path("id").asText()));
            } else if (exchange.method().equals("GET")) {
                body.path("value")
                        .forEach(model -> listed.putIfAbsent(model.path("id").asText(), model));
            }
        }
        List<JsonNode> leftovers = new ArrayList<>();
        listed.forEach((id, model) -> {
            if (!uploaded.contains(id)) {
                leftovers.add(model);
            }
        });
        leftovers.sort(Comparator.comparing(model -> model.path("uploadTime").asText()));
        return leftovers;
    }

    /** Event routes listed by GET /eventroutes but never created in the recording. */
    static Map<String, JsonNode> leftoverRoutes(Recording recording) {
        Set<String> created = new TreeSet<>();
        Map<String, JsonNode> listed = new LinkedHashMap<>();
        for (RecordedExchange exchange : recording.exchanges()) {
            String path = exchange.path();
            if (exchange.method().equals("PUT") && path.startsWith("/eventroutes/")) {
                created.add(path.substring("/eventroutes/".length()));
            } else if (exchange.method().equals("GET")
                    && path.equals("/eventroutes")
                    && exchange.responseBody() != null) {
                exchange.responseBody()
                        .path("value")
                        .forEach(route -> listed.putIfAbsent(route.path("id").asText(), route));
            }
        }
        created.forEach(listed::remove);
        return listed;
    }

    /** An interface with the listed id, display name and description: all a listing shows of it. */
    private static String minimalInterface(JsonNode model) {
        ObjectNode definition = NODES.objectNode();
        definition.put("@id", model.path("id").asText());
        definition.put("@type", "Interface");
        definition.put("@context", "dtmi:dtdl:context;2");
        text(model.path("displayName").path("en")).ifPresent(v -> definition.put("displayName", v));
        text(model.path("description").path("en")).ifPresent(v -> definition.put("description", v));
        return definition.toString();
    }

    private static java.util.Optional<String> text(JsonNode node) {
        return node.isTextual() ? java.util.Optional.of(node.textValue()) : java.util.Optional.empty();
    }
}
