package io.twinsync.emulator.http;

/**
 * A step of the request pipeline, such as the api-version check or request counting. A filter may answer itself
 * (for example a future rate limiter answering 429) or pass the request on. An {@code AdtException} thrown by a
 * filter or anything after it reaches the filter as an error response.
 */
@FunctionalInterface
public interface RequestFilter {
    ApiResponse filter(ApiRequest request, RequestHandler next);
}
