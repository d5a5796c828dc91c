package io.twinsync.emulator.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares a recorded JSON body with the emulator's: the same keys, value types and array lengths, arrays element
 * by element, and stable values equal. Volatile values are compared by relation (see {@link VolatileValues} and
 * {@link TimeRelations}); {@code error.message} by type, since its wording is the service's; {@code error.code} is
 * a check of its own.
 */
final class BodyComparator {

    private static final Set<String> SANITIZED =
            Set.of("Sanitized", "REDACTED", "00000000-0000-0000-0000-000000000000");
    private static final Pattern WEAK_ETAG = Pattern.compile("W/\"[^\"]+\"");

    private final VolatileValues volatiles;
    private final TimeRelations times;
    private final ListingChains listings = new ListingChains();

    BodyComparator(VolatileValues volatiles, TimeRelations times) {
        this.volatiles = volatiles;
        this.times = times;
    }

    static boolean isWeakETag(String value) {
        return value != null && WEAK_ETAG.matcher(value).matches();
    }

    /** The differences between the recorded and the emulator's body, as mismatches of {@code exchange}. */
    List<Mismatch> compare(RecordedExchange exchange, JsonNode recorded, JsonNode actual) {
        List<Mismatch> found = new ArrayList<>();
        boolean listing = ListingChains.isListingPage(recorded);
        new Walk(exchange, found, listing).value("", "", recorded, actual);
        if (listing && actual.path("value").isArray()) {
            found.addAll(listings.addPage(exchange, recorded, actual, this));
        }
        return found;
    }

    /** Compares one item of a listing, recorded at {@code pointer} of {@code exchange}'s page. */
    List<Mismatch> compareItem(RecordedExchange exchange, String pointer, JsonNode recorded, JsonNode actual) {
        List<Mismatch> found = new ArrayList<>();
        new Walk(exchange, found, false).value(pointer, "", recorded, actual);
        return found;
    }

    /** One comparison, collecting what differs. */
    private final class Walk {
        private final RecordedExchange exchange;
        private final List<Mismatch> found;
        private final boolean listingPage;

        /** @param listingPage whether the top-level {@code value} items are left to {@link ListingChains} */
        Walk(RecordedExchange exchange, List<Mismatch> found, boolean listingPage) {
            this.exchange = exchange;
            this.found = found;
            this.listingPage = listingPage;
        }

        void value(String pointer, String key, JsonNode recorded, JsonNode actual) {
            if (actual == null || actual.isMissingNode()) {
                if (recorded != null && !recorded.isNull()) {
                    differ(pointer, "key missing", recorded.toString(), "no such key");
                }
                return;
            }
            if (recorded == null || recorded.isNull()) {
                if (!actual.isNull()) {
                    differ(pointer, "null expected", "null", actual.toString());
                }
                return;
            }
            if (recorded.isObject()) {
                object(pointer, recorded, actual);
            } else if (recorded.isArray()) {
                array(pointer, recorded, actual);
            } else if (recorded.isTextual()) {
                text(pointer, key, recorded.textValue(), actual);
            } else if (recorded.isNumber()) {
                same(
                        pointer,
                        "number",
                        actual.isNumber() && recorded.decimalValue().compareTo(actual.decimalValue()) == 0,
                        recorded,
                        actual);
            } else {
                same(pointer, "value", recorded.equals(actual), recorded, actual);
            }
        }

        private void object(String pointer, JsonNode recorded, JsonNode actual) {
            if (!actual.isObject()) {
                differ(pointer, "object expected", "an object", actual.toString());
                return;
            }
            for (Iterator<String> names = recorded.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (pointer.equals("/error") && name.equals("code")) {
                    continue; // checked on its own, with x-ms-error-code
                }
                value(pointer + "/" + name, name, recorded.get(name), actual.get(name));
            }
            for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!recorded.has(name)) {
                    differ(
                            pointer + "/" + name,
                            "unexpected key",
                            "no such key",
                            actual.get(name).toString());
                }
            }
        }

        private void array(String pointer, JsonNode recorded, JsonNode actual) {
            if (!actual.isArray()) {
                differ(pointer, "array expected", "an array", actual.toString());
                return;
            }
            if (recorded.size() != actual.size()) {
                differ(pointer, "array length", String.valueOf(recorded.size()), String.valueOf(actual.size()));
                return;
            }
            if (listingPage && pointer.equals("/value")) {
                return; // the items are compared over the whole chain of pages
            }
            for (int i = 0; i < recorded.size(); i++) {
                value(pointer + "/" + i, "", recorded.get(i), actual.get(i));
            }
        }

        private void text(String pointer, String key, String recorded, JsonNode actual) {
            if (!actual.isTextual()) {
                differ(pointer, "string expected", quote(recorded), actual.toString());
                return;
            }
            String value = actual.textValue();
            switch (key) {
                case "$etag" -> {
                    same(pointer, "weak ETag", isWeakETag(value), recorded, value);
                    same(pointer, "ETag relation", volatiles.pairETag(recorded, value), recorded, value);
                }
                case "nextLink" -> link(pointer, recorded, value);
                case "continuationToken" -> volatiles.pairToken(recorded, value);
                case "$relationshipLink" -> sameLink(pointer, recorded, value);
                case "message" -> {
                    // the wording is the service's; a message is all that is required
                }
                default -> plainText(pointer, key, recorded, value);
            }
        }

        private void plainText(String pointer, String key, String recorded, String value) {
            if (SANITIZED.contains(recorded)) {
                return;
            }
            Optional<Instant> recordedTime = TimeRelations.parse(recorded);
            if (recordedTime.isPresent()) {
                Optional<Instant> actualTime = TimeRelations.parse(value);
                if (actualTime.isEmpty()) {
                    differ(pointer, "ISO-8601 time expected", quote(recorded), quote(value));
                    return;
                }
                times.add(key, recordedTime.get(), actualTime.get())
                        .ifPresent(broken -> differ(
                                pointer, "time order: recorded time is " + broken, quote(recorded), quote(value)));
                return;
            }
            same(pointer, "value", recorded.equals(value), quote(recorded), quote(value));
        }

        private void link(String pointer, String recorded, String value) {
            URI uri = URI.create(value);
            boolean onEmulator = value.startsWith(volatiles.endpoint().toString() + "/");
            String recordedPath = URI.create(recorded).getRawPath();
            same(
                    pointer,
                    "next link on the emulator, same path",
                    onEmulator && recordedPath.equalsIgnoreCase(uri.getRawPath()),
                    quote(recorded),
                    quote(value));
            volatiles.pairLink(recorded, value);
        }

        private void sameLink(String pointer, String recorded, String value) {
            URI expected = URI.create(recorded);
            URI uri = URI.create(value);
            boolean onEmulator = value.startsWith(volatiles.endpoint().toString() + "/");
            boolean samePathAndQuery = expected.getRawPath().equals(uri.getRawPath())
                    && String.valueOf(expected.getRawQuery()).equals(String.valueOf(uri.getRawQuery()));
            same(
                    pointer,
                    "link on the emulator, same path and query",
                    onEmulator && samePathAndQuery,
                    quote(recorded),
                    quote(value));
        }

        private void same(String pointer, String what, boolean holds, Object recorded, Object actual) {
            if (!holds) {
                differ(pointer, what, String.valueOf(recorded), String.valueOf(actual));
            }
        }

        private void differ(String pointer, String what, String recorded, String actual) {
            found.add(new Mismatch(
                    exchange.index(),
                    exchange.method(),
                    exchange.path(),
                    "body " + (pointer.isEmpty() ? "/" : pointer) + ": " + what,
                    recorded,
                    actual));
        }

        private String quote(String text) {
            return "\"" + text + "\"";
        }
    }
}
