package io.twinsync.emulator.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values the service drew at random and the emulator draws differently: ETags, next links and continuation
 * tokens. Each recorded value is paired with the emulator's from the matching answer, so that a later request
 * that sends the recorded value back (If-Match, a next link, a query continuation) sends the emulator's instead.
 */
final class VolatileValues {

    private final URI endpoint;
    private final Map<String, String> etags = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();

    VolatileValues(URI endpoint) {
        this.endpoint = endpoint;
    }

    URI endpoint() {
        return endpoint;
    }

    /**
     * Pairs a recorded ETag with the emulator's and says whether the pairing is consistent: a recorded ETag seen
     * before must come back as the same emulator ETag, and a new one as an ETag not yet paired (a new version).
     */
    boolean pairETag(String recorded, String actual) {
        String known = etags.get(recorded);
        if (known != null) {
            return known.equals(actual);
        }
        if (etags.containsValue(actual)) {
            return false;
        }
        etags.put(recorded, actual);
        return true;
    }

    void pairLink(String recorded, String actual) {
        links.put(pathAndQuery(URI.create(recorded)), actual);
    }

    void pairToken(String recorded, String actual) {
        tokens.put(recorded, actual);
    }

    /** Where to send a recorded request: the emulator's next link if the recording followed one, else the path. */
    URI requestUri(RecordedExchange exchange) {
        String followed = links.get(exchange.pathAndQuery());
        return URI.create(followed != null ? followed : endpoint + exchange.pathAndQuery());
    }

    /** The recorded headers, with a recorded If-Match ETag replaced by the emulator's. */
    Map<String, String> requestHeaders(RecordedExchange exchange) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.requestHeaders());
        exchange.requestHeader("If-Match").map(etags::get).ifPresent(etag -> headers.put("If-Match", etag));
        return headers;
    }

    /** The recorded body, with a recorded query continuation token replaced by the emulator's. */
    String requestBody(RecordedExchange exchange) {
        JsonNode body = exchange.requestBody();
        if (body == null) {
            return null;
        }
        if (body.isTextual()) {
            return body.textValue();
        }
        JsonNode token = body.get("continuationToken");
        if (body instanceof ObjectNode object && token != null && tokens.containsKey(token.asText())) {
            ObjectNode copy = object.deepCopy();
            copy.put("continuationToken", tokens.get(token.asText()));
            return copy.toString();
        }
        return body.toString();
    }

    private static String pathAndQuery(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
