package io.twinsync.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.events.EventRoute;
import io.twinsync.emulator.events.EventRoutes;
import io.twinsync.emulator.json.EmulatorJson;

/**
 * {@code /eventroutes[/{id}]}: PUT answers 204 with no body, GET 200 with the route, DELETE 204, and the listing
 * {@code {"value": [...], "nextLink": ...}} (all as recorded from the service, EventRoutesTest).
 */
final class EventRoutesEndpoint {

    private final EventRoutes routes;
    private final int defaultPageSize;

    EventRoutesEndpoint(EventRoutes routes, int defaultPageSize) {
        this.routes = routes;
        this.defaultPageSize = defaultPageSize;
    }

    ApiResponse createOrReplace(ApiRequest request) {
        routes.createOrReplace(request.pathParameter(0), Bodies.json(request));
        return ApiResponse.noContent();
    }

    ApiResponse get(ApiRequest request) {
        return ApiResponse.json(200, render(routes.get(request.pathParameter(0))));
    }

    ApiResponse list(ApiRequest request) {
        var page = routes.list(Paging.continuation(request), Paging.pageSize(request, defaultPageSize));
        return Paging.answer(request, page, EventRoutesEndpoint::render);
    }

    ApiResponse delete(ApiRequest request) {
        routes.delete(request.pathParameter(0));
        return ApiResponse.noContent();
    }

    private static ObjectNode render(EventRoute route) {
        ObjectNode body = EmulatorJson.object();
        body.put("id", route.id());
        body.put("endpointName", route.endpointName());
        body.put("filter", route.filter());
        return body;
    }
}
