package io.twinsync.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.json.EmulatorJson;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response before it is written: status, headers and an optional JSON body. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(
                status, Map.of("Content-Type", "application/json; charset=utf-8"), EmulatorJson.bytes(body));
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), null);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, copy, body);
    }
}
