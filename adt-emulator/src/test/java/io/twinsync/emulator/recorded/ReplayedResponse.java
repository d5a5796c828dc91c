package io.twinsync.emulator.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** The emulator's answer to a replayed request. */
record ReplayedResponse(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    boolean hasBody() {
        return body != null && !body.isEmpty();
    }

    /** The body as JSON, or empty when there is none or it is not JSON. */
    Optional<JsonNode> json() {
        if (!hasBody()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
