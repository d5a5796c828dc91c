package io.twinsync.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.json.EmulatorJson;
import io.twinsync.emulator.query.QueryEngine;
import io.twinsync.emulator.query.QueryPage;
import java.util.Locale;

/**
 * {@code POST /query}: body {@code {"query": "..."}} for the first page or {@code {"continuationToken": "..."}} for
 * the next; answers {@code {"value": [...], "continuationToken": "..." | null}} with a {@code query-charge} header.
 * Pages hold up to {@code max-items-per-page} items, at most 1,000 (ADT's page limit, also the default).
 */
final class QueryEndpoint {

    static final String QUERY_CHARGE_HEADER = "query-charge";

    private final QueryEngine engine;

    QueryEndpoint(QueryEngine engine) {
        this.engine = engine;
    }

    ApiResponse query(ApiRequest request) {
        JsonNode body = Bodies.json(request);
        if (!body.isObject()) {
            throw new AdtException(
                    AdtError.INVALID_ARGUMENT,
                    "The query request must be a JSON object such as" + " {\"query\": \"SELECT * FROM DIGITALTWINS\"}");
        }
        String token = text(body, "continuationToken");
        String query = text(body, "query");
        int pageSize = Math.min(Paging.pageSize(request, QueryEngine.MAX_PAGE_SIZE), QueryEngine.MAX_PAGE_SIZE);
        QueryPage page;
        if (token != null) {
            page = engine.nextPage(token, pageSize);
        } else if (query != null) {
            page = engine.firstPage(query, pageSize);
        } else {
            throw new AdtException(
                    AdtError.INVALID_ARGUMENT,
                    "The query request has neither a \"query\" nor a"
                            + " \"continuationToken\"; send {\"query\": \"SELECT ...\"} or the token of the previous page");
        }
        ObjectNode answer = EmulatorJson.object();
        ArrayNode value = answer.putArray("value");
        page.items().forEach(value::add);
        answer.put("continuationToken", page.continuationToken().orElse(null));
        return ApiResponse.json(200, answer)
                .withHeader(QUERY_CHARGE_HEADER, String.format(Locale.ROOT, "%.2f", page.charge()));
    }

    /** A string member, or null when absent or JSON null; anything else is refused. */
    private static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new AdtException(
                    AdtError.INVALID_ARGUMENT, "\"" + name + "\" must be a string, not " + value.getNodeType());
        }
        return value.asText();
    }
}
