package io.twinsync.emulator.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test-proxy session recording: {@code {"Entries":[...],"Variables":{...}}}. The variables are the random
 * suffixes the live test drew (twin and model ids in the requests already carry them), kept for completeness.
 */
record Recording(String name, List<RecordedExchange> exchanges, Map<String, String> variables) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Recording read(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            List<RecordedExchange> exchanges = new ArrayList<>();
            for (JsonNode entry : root.path("Entries")) {
                exchanges.add(exchange(exchanges.size(), entry));
            }
            Map<String, String> variables = new LinkedHashMap<>();
            root.path("Variables")
                    .fields()
                    .forEachRemaining(
                            e -> variables.put(e.getKey(), e.getValue().asText()));
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            return new Recording(name, List.copyOf(exchanges), Collections.unmodifiableMap(variables));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the recording " + file, e);
        }
    }

    private static RecordedExchange exchange(int index, JsonNode entry) throws IOException {
        Map<String, String> responseHeaders = headers(entry.path("ResponseHeaders"));
        return new RecordedExchange(
                index,
                entry.path("RequestMethod").asText(),
                URI.create(entry.path("RequestUri").asText()),
                headers(entry.path("RequestHeaders")),
                nullIfNull(entry.path("RequestBody")),
                entry.path("StatusCode").asInt(),
                responseHeaders,
                responseBody(entry.path("ResponseBody"), responseHeaders));
    }

    /** The test proxy stores JSON arrays as strings; unwrap them when the answer was JSON. */
    private static JsonNode responseBody(JsonNode body, Map<String, String> headers) throws IOException {
        JsonNode value = nullIfNull(body);
        String type = headers.getOrDefault("Content-Type", "");
        if (value instanceof TextNode text && type.startsWith("application/json")) {
            return JSON.readTree(text.textValue());
        }
        return value;
    }

    private static JsonNode nullIfNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static Map<String, String> headers(JsonNode node) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        node.fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(headers);
    }
}
