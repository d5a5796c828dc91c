package io.twinsync.emulator.http;

import io.twinsync.emulator.store.StoredTwin;
import io.twinsync.emulator.store.TwinDocuments;
import io.twinsync.emulator.store.TwinService;

/** {@code /digitaltwins/{id}} and {@code /digitaltwins/{id}/components/{name}}. */
final class TwinsEndpoint {

    private final TwinService twins;

    TwinsEndpoint(TwinService twins) {
        this.twins = twins;
    }

    ApiResponse get(ApiRequest request) {
        return withTwin(twins.get(request.pathParameter(0)));
    }

    ApiResponse createOrReplace(ApiRequest request) {
        StoredTwin twin =
                twins.createOrReplace(request.pathParameter(0), Bodies.json(request), request.header("If-None-Match"));
        return withTwin(twin);
    }

    ApiResponse update(ApiRequest request) {
        StoredTwin twin = twins.update(request.pathParameter(0), Bodies.patch(request), request.header("If-Match"));
        return ApiResponse.noContent().withHeader("ETag", twin.etag());
    }

    ApiResponse delete(ApiRequest request) {
        twins.delete(request.pathParameter(0), request.header("If-Match"));
        return ApiResponse.noContent();
    }

    ApiResponse getComponent(ApiRequest request) {
        String component = request.pathParameter(1);
        StoredTwin twin = twins.getWithComponent(request.pathParameter(0), component);
        return ApiResponse.json(200, TwinDocuments.renderComponent(twin, component))
                .withHeader("ETag", twin.etag());
    }

    ApiResponse updateComponent(ApiRequest request) {
        StoredTwin twin = twins.updateComponent(
                request.pathParameter(0), request.pathParameter(1), Bodies.patch(request), request.header("If-Match"));
        return ApiResponse.noContent().withHeader("ETag", twin.etag());
    }

    private static ApiResponse withTwin(StoredTwin twin) {
        return ApiResponse.json(200, TwinDocuments.render(twin)).withHeader("ETag", twin.etag());
    }
}
