package io.twinsync.emulator.http;

import java.util.Map;

/**
 * Refuses every request as ADT refuses a token whose identity holds no data-plane role on the instance (no "Azure
 * Digital Twins Data Owner" or "Data Reader" assignment): {@code 403} with an empty body and no error code. From the
 * service's recorded answers, not the docs, which do not show it: azure-sdk-for-java#22640 ("Status code 403, (empty
 * body)") and Azure-Samples/digital-twins-samples#22 ({@code Status: 403 (Forbidden)}, {@code Content-Length: 0}).
 */
public final class AccessRefusedFilter implements RequestFilter {

    @Override
    public ApiResponse filter(ApiRequest request, RequestHandler next) {
        return new ApiResponse(403, Map.of(), null);
    }
}
