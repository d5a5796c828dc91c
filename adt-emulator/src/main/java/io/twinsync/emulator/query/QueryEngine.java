package io.twinsync.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.json.EmulatorJson;
import io.twinsync.emulator.query.Query.Collection;
import io.twinsync.emulator.store.EmulatorStore;
import io.twinsync.emulator.store.GraphView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs ADT queries against the store: parses and validates the query, then evaluates one page over a consistent
 * state of the graph (under the store's read lock). Results reflect every write that finished before the request;
 * the real service may lag by seconds, which is not simulated.
 */
public final class QueryEngine {

    /** ADT's largest query page. */
    public static final int MAX_PAGE_SIZE = 1_000;

    private final EmulatorStore store;

    public QueryEngine(EmulatorStore store) {
        this.store = store;
    }

    /**
     * The first page of a query.
     *
     * @param pageSize the most items to return; above {@link #MAX_PAGE_SIZE} counts as that
     * @throws io.twinsync.emulator.error.AdtException {@code SqlQueryError} for a query outside the supported subset
     */
    public QueryPage firstPage(String query, int pageSize) {
        return page(QueryValidator.plan(QueryParser.parse(query)), Optional.empty(), 0, pageSize);
    }

    /**
     * The page after the one that returned {@code continuationToken}.
     *
     * @throws io.twinsync.emulator.error.AdtException {@code InvalidArgument} for a token this emulator did not issue
     */
    public QueryPage nextPage(String continuationToken, int pageSize) {
        ContinuationToken token = ContinuationToken.decode(continuationToken);
        QueryPlan plan = QueryValidator.plan(QueryParser.parse(token.query()));
        boolean pairKeys =
                plan.scope().join().isPresent() || plan.query().source().collection() == Collection.RELATIONSHIPS;
        if (token.lastKey().size() != (pairKeys ? 2 : 1)) {
            throw ContinuationToken.invalid(continuationToken);
        }
        return page(plan, Optional.of(token.lastKey()), token.served(), pageSize);
    }

    private QueryPage page(QueryPlan plan, Optional<List<String>> after, int served, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, not " + pageSize);
        }
        int size = Math.min(pageSize, MAX_PAGE_SIZE);
        return store.readGraph(graph -> plan.isCount() ? count(graph, plan) : select(graph, plan, after, served, size));
    }

    private static QueryPage count(GraphView graph, QueryPlan plan) {
        ConditionEvaluator evaluator = new ConditionEvaluator(plan.scope(), graph.models());
        int[] scanned = {0};
        int[] matched = {0};
        new RowSource(graph, plan).forEach(Optional.empty(), row -> {
            scanned[0]++;
            if (matches(plan, evaluator, row)) {
                matched[0]++;
            }
            return true;
        });
        ObjectNode item = EmulatorJson.object();
        item.put("COUNT", matched[0]);
        return new QueryPage(List.of(item), Optional.empty(), charge(scanned[0], 1));
    }

    private static QueryPage select(
            GraphView graph, QueryPlan plan, Optional<List<String>> after, int served, int size) {
        OptionalInt top = plan.top();
        int limit = top.isPresent() ? Math.min(size, top.getAsInt() - served) : size;
        if (limit <= 0) {
            return new QueryPage(List.of(), Optional.empty(), charge(0, 0));
        }
        ConditionEvaluator evaluator = new ConditionEvaluator(plan.scope(), graph.models());
        List<Row> selected = new ArrayList<>();
        boolean[] more = {false};
        int[] scanned = {0};
        // Reads one matching row past the page, so that the last page carries no token.
        new RowSource(graph, plan).forEach(after, row -> {
            scanned[0]++;
            if (!matches(plan, evaluator, row)) {
                return true;
            }
            if (selected.size() < limit) {
                selected.add(row);
                return true;
            }
            more[0] = true;
            return false;
        });
        int servedNow = served + selected.size();
        boolean topReached = top.isPresent() && servedNow >= top.getAsInt();
        Optional<String> token = more[0] && !topReached
                ? Optional.of(new ContinuationToken(
                                plan.query().text(),
                                selected.get(selected.size() - 1).key(),
                                servedNow)
                        .encode())
                : Optional.empty();
        ResultProjector projector = new ResultProjector(plan);
        List<JsonNode> items = selected.stream().map(projector::project).toList();
        return new QueryPage(items, token, charge(scanned[0], items.size()));
    }

    private static boolean matches(QueryPlan plan, ConditionEvaluator evaluator, Row row) {
        return plan.query().where().map(where -> evaluator.matches(where, row)).orElse(true);
    }

    /** A plausible query-unit figure: grows with the rows examined and the items returned, like ADT's. */
    private static double charge(int scanned, int returned) {
        return Math.round((2.5 + scanned * 0.02 + returned * 0.1) * 100) / 100.0;
    }
}
