package io.twinsync.emulator.http;

/** Answers a request; the end of the pipeline, or the rest of it as seen by a filter. */
@FunctionalInterface
public interface RequestHandler {
    ApiResponse handle(ApiRequest request);
}
