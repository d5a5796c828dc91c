package io.twinsync.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.json.EmulatorJson;
import io.twinsync.emulator.snapshot.SnapshotSection;
import io.twinsync.emulator.store.Page;
import io.twinsync.emulator.store.PageTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's event routes: create or replace, get, delete and list, kept in the snapshot. Rules and sources:
 *
 * <ul>
 *   <li>Listing in creation order, a replaced route keeping its place, paged by {@code max-items-per-page} with an
 *       absolute {@code nextLink} (recorded: EventRoutesTest.listEventRoutesPaginationWorks lists five routes two at a
 *       time in the order they were made). The continuation token is the last route's place, so routes deleted
 *       between pages shift nothing.
 *   <li>Unknown id: 404 {@code EventRouteNotFound} with the service's recorded message
 *       (EventRoutesTest.getEventRouteThrowsIfEventRouteDoesNotExist).
 *   <li>A filter the parser cannot read: 400 {@code EventRouteFilterInvalid} (recorded, see {@link RouteFilter}); no
 *       filter at all is refused the same way, since the REST spec requires one.
 *   <li>No {@code endpointName}: 400 {@code EventRouteEndpointInvalid} (the spec's code for an endpoint that does not
 *       exist). The emulator has no endpoints to check against: every name is accepted and delivers to the one local
 *       sink, tagged with its name.
 *   <li>At most {@value #MAX_ROUTES} routes (Microsoft's limits page: routes per instance, adjustable by support
 *       request); one more is 400 {@code LimitExceeded} (the spec's code for it).
 * </ul>
 */
public final class EventRoutes implements SnapshotSection {

    /** Routes per instance, the service's default limit. */
    public static final int MAX_ROUTES = 6;

    private static final Logger log = LoggerFactory.getLogger(EventRoutes.class);

    private static final String NOT_FOUND = "There is no route available that matches the provided input. Check for"
            + " all valid event routes by calling EventRoute_List. See Swagger example (https://aka.ms/RouteSwSmpl).";

    /** A route with its parsed filter, as notifications are matched against it. */
    record ActiveRoute(EventRoute route, RouteFilter filter) {}

    private final NavigableMap<Long, ActiveRoute> byPlace = new TreeMap<>();
    private final Map<String, Long> placeOf = new HashMap<>();
    private long nextPlace;
    private volatile List<ActiveRoute> active = List.of();

    /** Adds the route or replaces the one with this id, after checking it as the service does. */
    public void createOrReplace(String id, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new AdtException(
                    AdtError.INVALID_ARGUMENT,
                    "The event route must be a JSON object such as {\"endpointName\": \"my-endpoint\", \"filter\":"
                            + " \"true\"}");
        }
        JsonNode endpoint = body.path("endpointName");
        if (!endpoint.isTextual() || endpoint.asText().isBlank()) {
            throw new AdtException(
                    AdtError.EVENT_ROUTE_ENDPOINT_INVALID,
                    "Event route '" + id + "' names no endpoint; send \"endpointName\" (the emulator delivers every"
                            + " endpoint's events to its events file)");
        }
        JsonNode filterText = body.path("filter");
        RouteFilter filter = RouteFilter.parse(filterText.isTextual() ? filterText.asText() : null);
        EventRoute route = new EventRoute(id, endpoint.asText(), filter.text());
        synchronized (this) {
            Long place = placeOf.get(id);
            if (place == null && placeOf.size() >= MAX_ROUTES) {
                throw new AdtException(
                        AdtError.LIMIT_EXCEEDED,
                        "The instance already has " + MAX_ROUTES + " event routes, ADT's limit; delete one before"
                                + " adding '" + id + "'");
            }
            if (place == null) {
                place = nextPlace++;
                placeOf.put(id, place);
            }
            byPlace.put(place, new ActiveRoute(route, filter));
            publish();
        }
        if (!filter.unknownNames().isEmpty()) {
            log.warn(
                    "ADT emulator: event route '{}' filters on {}, which no notification carries (attributes: {},"
                            + " $body.<path>); those comparisons never match",
                    id,
                    filter.unknownNames(),
                    RouteFilter.ATTRIBUTES);
        }
    }

    public synchronized EventRoute get(String id) {
        return entry(id).route();
    }

    public synchronized void delete(String id) {
        entry(id);
        byPlace.remove(placeOf.remove(id));
        publish();
    }

    /** One page in creation order. */
    public synchronized Page<EventRoute> list(Optional<String> continuationToken, int pageSize) {
        long after = continuationToken.map(EventRoutes::decode).orElse(-1L);
        List<EventRoute> items = new ArrayList<>();
        for (Map.Entry<Long, ActiveRoute> entry : byPlace.tailMap(after, false).entrySet()) {
            if (items.size() == pageSize) {
                return new Page<>(
                        items,
                        Optional.of(
                                encode(placeOf.get(items.get(items.size() - 1).id()))));
            }
            items.add(entry.getValue().route());
        }
        return new Page<>(items, Optional.empty());
    }

    /** The routes now, in creation order; an immutable list that later changes do not touch. */
    List<ActiveRoute> active() {
        return active;
    }

    @Override
    public String name() {
        return "eventRoutes";
    }

    @Override
    public synchronized JsonNode export() {
        ArrayNode routes = EmulatorJson.array();
        for (ActiveRoute entry : byPlace.values()) {
            ObjectNode route = routes.addObject();
            route.put("id", entry.route().id());
            route.put("endpointName", entry.route().endpointName());
            route.put("filter", entry.route().filter());
        }
        return routes;
    }

    @Override
    public synchronized void restore(JsonNode saved) {
        byPlace.clear();
        placeOf.clear();
        nextPlace = 0;
        for (JsonNode route : saved) {
            String id = route.path("id").asText();
            RouteFilter filter = RouteFilter.parse(route.path("filter").asText());
            placeOf.put(id, nextPlace);
            byPlace.put(
                    nextPlace++,
                    new ActiveRoute(
                            new EventRoute(id, route.path("endpointName").asText(), filter.text()), filter));
        }
        publish();
    }

    private ActiveRoute entry(String id) {
        Long place = placeOf.get(id);
        if (place == null) {
            throw new AdtException(AdtError.EVENT_ROUTE_NOT_FOUND, NOT_FOUND);
        }
        return byPlace.get(place);
    }

    private void publish() {
        active = List.copyOf(byPlace.values());
    }

    private static String encode(long place) {
        return PageTokens.encode(Long.toString(place));
    }

    private static long decode(String token) {
        String place = PageTokens.decode(token);
        try {
            return Long.parseLong(place);
        } catch (NumberFormatException e) {
            throw PageTokens.invalid(token);
        }
    }
}
