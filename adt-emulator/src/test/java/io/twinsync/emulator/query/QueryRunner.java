package io.twinsync.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.store.EmulatorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** One {@link QueryEngine} over {@link QueryGraph} for the unit tests, and helpers that read every page. */
final class QueryRunner {

    static final List<String> ALL_ROOMS =
            IntStream.rangeClosed(1, 12).mapToObj(QueryGraph::roomId).toList();

    private static final QueryEngine ENGINE = load();

    private QueryRunner() {}

    private static QueryEngine load() {
        EmulatorStore store = new EmulatorStore();
        QueryGraph.loadInto(store);
        return new QueryEngine(store);
    }

    static QueryEngine engine() {
        return ENGINE;
    }

    /** Every item of every page, read 1,000 at a time. */
    static List<JsonNode> all(String query) {
        return pages(query, QueryEngine.MAX_PAGE_SIZE).stream()
                .flatMap(page -> page.items().stream())
                .toList();
    }

    static List<QueryPage> pages(String query, int pageSize) {
        List<QueryPage> pages = new ArrayList<>();
        QueryPage page = ENGINE.firstPage(query, pageSize);
        pages.add(page);
        while (page.continuationToken().isPresent()) {
            page = ENGINE.nextPage(page.continuationToken().get(), pageSize);
            pages.add(page);
        }
        return pages;
    }

    static List<String> ids(List<JsonNode> twins) {
        return twins.stream().map(twin -> twin.path("$dtId").asText()).toList();
    }
}
