package io.twinsync.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.json.EmulatorJson;
import io.twinsync.emulator.store.RelationshipService;
import io.twinsync.emulator.store.StoredRelationship;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code /digitaltwins/{id}/relationships[/{relId}]} and {@code /digitaltwins/{id}/incomingrelationships}. */
final class RelationshipsEndpoint {

    private final RelationshipService relationships;
    private final int defaultPageSize;

    RelationshipsEndpoint(RelationshipService relationships, int defaultPageSize) {
        this.relationships = relationships;
        this.defaultPageSize = defaultPageSize;
    }

    ApiResponse get(ApiRequest request) {
        return withRelationship(relationships.get(request.pathParameter(0), request.pathParameter(1)));
    }

    ApiResponse createOrReplace(ApiRequest request) {
        StoredRelationship relationship = relationships.createOrReplace(
                request.pathParameter(0),
                request.pathParameter(1),
                Bodies.json(request),
                request.header("If-None-Match"));
        return withRelationship(relationship);
    }

    ApiResponse update(ApiRequest request) {
        StoredRelationship relationship = relationships.update(
                request.pathParameter(0), request.pathParameter(1), Bodies.patch(request), request.header("If-Match"));
        return ApiResponse.noContent().withHeader("ETag", relationship.etag());
    }

    ApiResponse delete(ApiRequest request) {
        relationships.delete(request.pathParameter(0), request.pathParameter(1), request.header("If-Match"));
        return ApiResponse.noContent();
    }

    ApiResponse listOutgoing(ApiRequest request) {
        var page = relationships.listOutgoing(
                request.pathParameter(0),
                request.queryParameter("relationshipName"),
                Paging.continuation(request),
                Paging.pageSize(request, defaultPageSize));
        return Paging.answer(request, page, RelationshipService::render);
    }

    ApiResponse listIncoming(ApiRequest request) {
        var page = relationships.listIncoming(
                request.pathParameter(0), Paging.continuation(request), Paging.pageSize(request, defaultPageSize));
        return Paging.answer(request, page, relationship -> incoming(request, relationship));
    }

    private static ObjectNode incoming(ApiRequest request, StoredRelationship relationship) {
        ObjectNode item = EmulatorJson.object();
        item.put("$relationshipId", relationship.id());
        item.put("$sourceId", relationship.sourceId());
        item.put("$relationshipName", relationship.name());
        // The link carries the caller's api-version, as the service's do in the SDK's recorded sessions.
        item.put(
                "$relationshipLink",
                request.baseUrl() + "/digitaltwins/" + segment(relationship.sourceId()) + "/relationships/"
                        + segment(relationship.id()) + "?api-version="
                        + request.queryParameter("api-version").orElse(ApiVersionFilter.SUPPORTED.get(0)));
        return item;
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ApiResponse withRelationship(StoredRelationship relationship) {
        return ApiResponse.json(200, RelationshipService.render(relationship)).withHeader("ETag", relationship.etag());
    }
}
