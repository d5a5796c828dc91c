package io.twinsync.emulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.http.ApiRequest;
import io.twinsync.emulator.http.ApiResponse;
import io.twinsync.emulator.http.ErrorResponses;
import io.twinsync.emulator.http.RequestFilter;
import io.twinsync.emulator.http.RequestHandler;
import io.twinsync.emulator.json.EmulatorJson;
import io.twinsync.emulator.store.EmulatorStore;
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Imitates the lag seen in the field between ADT's write path and its checks: for a while after a twin is created,
 * relationships to it are refused as if it did not exist (404 {@code TargetTwinNotFound}); for a while after a
 * relationship is deleted, deleting either of its twins is refused as if it still had relationships (400
 * {@code RelationshipsNotDeleted}). Place it last, just before the endpoints.
 */
final class ConsistencyDelayFilter implements RequestFilter {

    private final EmulatorStore store;
    private final LongSupplier nanoClock;
    private final RecentEvents created;
    private final RecentEvents relationshipDeleted;
    private final long delayMillis;

    ConsistencyDelayFilter(EmulatorStore store, Duration delay, LongSupplier nanoClock) {
        this.store = store;
        this.nanoClock = nanoClock;
        this.created = new RecentEvents(delay.toNanos());
        this.relationshipDeleted = new RecentEvents(delay.toNanos());
        this.delayMillis = delay.toMillis();
    }

    @Override
    public ApiResponse filter(ApiRequest request, RequestHandler next) {
        return switch (request.operation()) {
            case TWINS_PUT -> createTwin(request, next);
            case TWINS_DELETE -> deleteTwin(request, next);
            case RELATIONSHIPS_PUT -> putRelationship(request, next);
            case RELATIONSHIPS_DELETE -> deleteRelationship(request, next);
            default -> next.handle(request);
        };
    }

    private ApiResponse createTwin(ApiRequest request, RequestHandler next) {
        String id = request.pathParameter(0);
        boolean existed = twinExists(id);
        ApiResponse response = next.handle(request);
        if (!existed && response.status() == 200) {
            created.record(id, nanoClock.getAsLong());
        }
        return response;
    }

    private ApiResponse putRelationship(ApiRequest request, RequestHandler next) {
        String targetId = targetOf(request);
        if (targetId != null && created.isRecent(targetId, nanoClock.getAsLong())) {
            return ErrorResponses.of(
                    AdtError.TARGET_TWIN_NOT_FOUND,
                    "The target twin '" + targetId + "' of relationship '" + request.pathParameter(1) + "' from '"
                            + request.pathParameter(0) + "' does not exist (injected: the twin was created less than "
                            + delayMillis + " ms ago); retry shortly");
        }
        return next.handle(request);
    }

    private ApiResponse deleteRelationship(ApiRequest request, RequestHandler next) {
        String sourceId = request.pathParameter(0);
        String targetId = existingTarget(sourceId, request.pathParameter(1));
        ApiResponse response = next.handle(request);
        if (response.status() == 204) {
            long now = nanoClock.getAsLong();
            relationshipDeleted.record(sourceId, now);
            if (targetId != null) {
                relationshipDeleted.record(targetId, now);
            }
        }
        return response;
    }

    private ApiResponse deleteTwin(ApiRequest request, RequestHandler next) {
        String id = request.pathParameter(0);
        if (relationshipDeleted.isRecent(id, nanoClock.getAsLong())) {
            return ErrorResponses.of(
                    AdtError.RELATIONSHIPS_NOT_DELETED,
                    "Twin '" + id + "' still has relationships (injected: one was deleted less than " + delayMillis
                            + " ms ago); retry shortly");
        }
        return next.handle(request);
    }

    private static String targetOf(ApiRequest request) {
        if (request.body() == null || request.body().length == 0) {
            return null;
        }
        try {
            JsonNode target = EmulatorJson.parse(request.body()).path("$targetId");
            return target.isTextual() ? target.asText() : null;
        } catch (IOException e) {
            return null; // the endpoint answers the malformed body
        }
    }

    private boolean twinExists(String id) {
        try {
            store.twins().get(id);
            return true;
        } catch (AdtException notFound) {
            return false;
        }
    }

    /** The target of a relationship, or null when there is no such relationship (the endpoint answers that). */
    private String existingTarget(String sourceId, String relationshipId) {
        try {
            return store.relationships().get(sourceId, relationshipId).targetId();
        } catch (AdtException notFound) {
            return null;
        }
    }
}
