package io.twinsync.emulator.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The items of a paged listing ({@code {"value":[...],"nextLink"|"continuationToken":...}}), compared over the
 * whole chain of pages rather than page by page: Microsoft's docs state no order for listings or query results,
 * so an item may sit on another page of the emulator's chain. Each recorded item is paired with the emulator's
 * item of the same identity ({@code $dtId}; source and relationship id; {@code id}; else the whole item) once the
 * recorded chain ends, and the pair is compared like any body.
 */
final class ListingChains {

    /** A recorded item and where it was recorded. */
    private record RecordedItem(RecordedExchange exchange, String pointer, JsonNode item) {}

    private static final class Chain {
        final List<RecordedItem> recorded = new ArrayList<>();
        final List<JsonNode> actual = new ArrayList<>();
    }

    private final Map<String, Chain> chains = new HashMap<>();

    static boolean isListingPage(JsonNode body) {
        return body != null
                && body.isObject()
                && body.path("value").isArray()
                && (body.has("nextLink") || body.has("continuationToken"));
    }

    /**
     * Adds one page; when the recorded chain ends here, pairs and compares its items and returns what differs.
     */
    List<Mismatch> addPage(
            RecordedExchange exchange, JsonNode recordedPage, JsonNode actualPage, BodyComparator comparator) {
        String listing = exchange.method() + " " + exchange.path().toLowerCase(Locale.ROOT);
        Chain chain = isContinuation(exchange) ? chains.computeIfAbsent(listing, k -> new Chain()) : new Chain();
        chains.put(listing, chain);
        JsonNode recordedItems = recordedPage.path("value");
        for (int i = 0; i < recordedItems.size(); i++) {
            chain.recorded.add(new RecordedItem(exchange, "/value/" + i, recordedItems.get(i)));
        }
        actualPage.path("value").forEach(chain.actual::add);
        if (!isLastPage(recordedPage)) {
            return List.of();
        }
        chains.remove(listing);
        return compare(chain, comparator);
    }

    private static List<Mismatch> compare(Chain chain, BodyComparator comparator) {
        List<Mismatch> found = new ArrayList<>();
        List<JsonNode> unmatched = new ArrayList<>(chain.actual);
        for (RecordedItem recorded : chain.recorded) {
            JsonNode match = take(unmatched, identity(recorded.item()));
            if (match == null) {
                found.add(new Mismatch(
                        recorded.exchange().index(),
                        recorded.exchange().method(),
                        recorded.exchange().path(),
                        "body " + recorded.pointer() + ": item missing from the emulator's pages",
                        identity(recorded.item()),
                        "none"));
            } else {
                found.addAll(comparator.compareItem(recorded.exchange(), recorded.pointer(), recorded.item(), match));
            }
        }
        RecordedItem last = chain.recorded.isEmpty() ? null : chain.recorded.get(chain.recorded.size() - 1);
        for (JsonNode extra : unmatched) {
            found.add(new Mismatch(
                    last == null ? -1 : last.exchange().index(),
                    last == null ? "" : last.exchange().method(),
                    last == null ? "" : last.exchange().path(),
                    "body /value: item the recording does not list",
                    "none",
                    identity(extra)));
        }
        return found;
    }

    private static JsonNode take(List<JsonNode> items, String identity) {
        for (Iterator<JsonNode> it = items.iterator(); it.hasNext(); ) {
            JsonNode item = it.next();
            if (identity(item).equals(identity)) {
                it.remove();
                return item;
            }
        }
        return null;
    }

    static String identity(JsonNode item) {
        if (item.hasNonNull("$relationshipId")) {
            return item.path("$sourceId").asText() + "/"
                    + item.path("$relationshipId").asText();
        }
        if (item.hasNonNull("$dtId")) {
            return item.path("$dtId").asText();
        }
        if (item.hasNonNull("id")) {
            return item.path("id").asText();
        }
        return item.toString();
    }

    private static boolean isContinuation(RecordedExchange exchange) {
        JsonNode body = exchange.requestBody();
        return exchange.pathAndQuery().contains("continuationToken=")
                || (body != null && body.hasNonNull("continuationToken"));
    }

    private static boolean isLastPage(JsonNode page) {
        return absent(page.path("nextLink")) && absent(page.path("continuationToken"));
    }

    private static boolean absent(JsonNode value) {
        return value.isMissingNode() || value.isNull();
    }
}
