package io.twinsync.emulator.http;

import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import java.util.List;

/** Refuses requests without a supported {@code api-version} query parameter, as the service does. */
public final class ApiVersionFilter implements RequestFilter {

    /** The stable data-plane versions the emulator answers. */
    public static final List<String> SUPPORTED = List.of("2023-10-31", "2022-05-31", "2020-10-31");

    @Override
    public ApiResponse filter(ApiRequest request, RequestHandler next) {
        if (request.operation() == Operation.UNKNOWN) {
            return next.handle(request);
        }
        String version = request.queryParameter("api-version").orElse(null);
        if (version == null || version.isBlank()) {
            throw new AdtException(
                    AdtError.MISSING_API_VERSION,
                    "The api-version query parameter is required; supported versions are " + SUPPORTED);
        }
        if (!SUPPORTED.contains(version)) {
            throw new AdtException(
                    AdtError.UNSUPPORTED_API_VERSION,
                    "The api-version '" + version + "' is not supported; supported versions are " + SUPPORTED);
        }
        return next.handle(request);
    }
}
