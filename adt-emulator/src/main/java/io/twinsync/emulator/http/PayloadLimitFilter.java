package io.twinsync.emulator.http;

import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.store.DocumentSizeLimit;

/** Refuses twin and relationship writes and telemetry whose body exceeds ADT's 32 KB request limit. */
public final class PayloadLimitFilter implements RequestFilter {

    public static final int MAX_WRITE_BYTES = DocumentSizeLimit.MAX_BYTES;

    @Override
    public ApiResponse filter(ApiRequest request, RequestHandler next) {
        int size = request.body() == null ? 0 : request.body().length;
        if (limited(request.operation()) && size > MAX_WRITE_BYTES) {
            throw new AdtException(
                    AdtError.INVALID_ARGUMENT,
                    "The request body is " + size + " bytes; ADT accepts at most " + MAX_WRITE_BYTES
                            + " bytes for a twin or relationship write or telemetry (" + request.method() + " "
                            + request.path()
                            + ")");
        }
        return next.handle(request);
    }

    /** The limits page's "maximum request payload size" (32 KB) is for every request; the emulator checks these. */
    private static boolean limited(Operation operation) {
        return operation.isGraphWrite()
                || operation == Operation.TELEMETRY_SEND
                || operation == Operation.COMPONENT_TELEMETRY_SEND;
    }
}
