package io.twinsync.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.json.EmulatorJson;
import io.twinsync.emulator.store.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Paged answers {@code {"value":[...],"nextLink":...}}. The next link is absolute, built from the base URL the
 * client called, and repeats the query (with api-version, since the SDK sends none when following a link).
 */
final class Paging {

    static final String CONTINUATION = "continuationToken";
    static final String MAX_ITEMS_HEADER = "max-items-per-page";

    private Paging() {}

    static int pageSize(ApiRequest request, int defaultSize) {
        String header = request.header(MAX_ITEMS_HEADER);
        if (header == null || header.isBlank()) {
            return defaultSize;
        }
        try {
            int size = Integer.parseInt(header.trim());
            if (size > 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new AdtException(
                AdtError.INVALID_ARGUMENT, MAX_ITEMS_HEADER + " must be a positive integer, not '" + header + "'");
    }

    static Optional<String> continuation(ApiRequest request) {
        return request.queryParameter(CONTINUATION);
    }

    static <T> ApiResponse answer(ApiRequest request, Page<T> page, Function<T, JsonNode> render) {
        ObjectNode body = EmulatorJson.object();
        ArrayNode value = body.putArray("value");
        page.items().forEach(item -> value.add(render.apply(item)));
        body.put(
                "nextLink",
                page.continuationToken().map(token -> nextLink(request, token)).orElse(null));
        return ApiResponse.json(200, body);
    }

    private static String nextLink(ApiRequest request, String token) {
        String query = request.query().entrySet().stream()
                .filter(e -> !e.getKey().equals(CONTINUATION))
                .flatMap(e -> e.getValue().stream().map(v -> Map.entry(e.getKey(), v)))
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String separator = query.isEmpty() ? "" : "&";
        return request.baseUrl() + request.path() + "?" + query + separator + CONTINUATION + "=" + encode(token);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<String> splitCommaValues(List<String> values) {
        return values.stream()
                .flatMap(v -> List.of(v.split(",")).stream())
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
    }
}
