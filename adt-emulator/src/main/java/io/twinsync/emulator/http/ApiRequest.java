package io.twinsync.emulator.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request, already routed.
 *
 * @param pathParameters the variable path segments in order (twin id, relationship id, model id, ...), decoded
 * @param query decoded query parameters; a parameter may repeat
 * @param headers header values by lower-case name
 * @param baseUrl scheme, host and port the client called, for links in responses
 */
public record ApiRequest(
        String method,
        String path,
        Operation operation,
        List<String> pathParameters,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        byte[] body,
        String baseUrl) {

    public String pathParameter(int index) {
        return pathParameters.get(index);
    }

    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> queryParameters(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
