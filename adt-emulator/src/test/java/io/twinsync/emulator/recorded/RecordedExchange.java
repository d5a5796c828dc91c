package io.twinsync.emulator.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One request and the service's answer, as the test proxy recorded them. Header maps are case-insensitive; bodies
 * are JSON, with the test proxy's string-wrapped bodies (arrays, JSON Patch documents) already unwrapped on the
 * response side and kept as text on the request side, where they are sent as written.
 *
 * @param index position in the recording, from 0
 * @param uri the recorded request URI, on the sanitized host {@code https://REDACTED}
 * @param requestBody the recorded body: an object, a text node for bodies recorded as strings, or null
 * @param responseBody the recorded answer, or null when there was none
 */
record RecordedExchange(
        int index,
        String method,
        URI uri,
        Map<String, String> requestHeaders,
        JsonNode requestBody,
        int status,
        Map<String, String> responseHeaders,
        JsonNode responseBody) {

    /** The path and query, as the client sent them. */
    String pathAndQuery() {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The path alone, for messages. */
    String path() {
        return uri.getRawPath();
    }

    Optional<String> responseHeader(String name) {
        return Optional.ofNullable(responseHeaders.get(name));
    }

    Optional<String> requestHeader(String name) {
        return Optional.ofNullable(requestHeaders.get(name));
    }

    /** The recorded {@code error.code}, when the answer is an ADT error. */
    Optional<String> errorCode() {
        return responseBody == null
                ? Optional.empty()
                : Optional.ofNullable(responseBody.path("error").path("code").textValue());
    }
}
