package io.twinsync.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One page of query results.
 *
 * @param continuationToken pass it back for the next page; empty on the last page
 * @param charge the query units reported in the {@code query-charge} header
 */
public record QueryPage(List<JsonNode> items, Optional<String> continuationToken, double charge) {

    public QueryPage {
        items = List.copyOf(items);
    }
}
