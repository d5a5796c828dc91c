package io.twinsync.emulator.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The checks of one exchange: status; error code in the body and in {@code x-ms-error-code}; the headers clients
 * rely on (ETag present or absent, weak and related to earlier ETags; the Content-Type family; {@code query-charge};
 * Location and Operation-Location); the body (see {@link BodyComparator}); and {@code $etag} equal to the ETag
 * header.
 */
final class ExchangeChecks {

    private static final List<String> LOCATION_HEADERS = List.of("Location", "Operation-Location");

    private final VolatileValues volatiles;
    private final BodyComparator bodies;

    ExchangeChecks(VolatileValues volatiles, TimeRelations times) {
        this.volatiles = volatiles;
        this.bodies = new BodyComparator(volatiles, times);
    }

    void run(RecordedExchange recorded, ReplayedResponse actual, CheckLog log) {
        log.check(
                recorded.status() == actual.status(),
                mismatch(recorded, "status", recorded.status(), actual.status() + errorOf(actual)));
        recorded.errorCode().ifPresent(code -> {
            String actualCode = actual.json()
                    .map(body -> body.path("error").path("code").asText(null))
                    .orElse(null);
            log.check(code.equals(actualCode), mismatch(recorded, "error.code", code, actualCode));
        });
        recorded.responseHeader("x-ms-error-code").ifPresent(code -> {
            String actualCode = actual.header("x-ms-error-code").orElse(null);
            log.check(code.equals(actualCode), mismatch(recorded, "x-ms-error-code header", code, actualCode));
        });
        etagHeader(recorded, actual, log);
        contentType(recorded, actual, log);
        recorded.responseHeader("query-charge").ifPresent(charge -> {
            String actualCharge = actual.header("query-charge").orElse(null);
            log.check(isNumber(actualCharge), mismatch(recorded, "query-charge header", charge, actualCharge));
        });
        for (String name : LOCATION_HEADERS) {
            recorded.responseHeader(name)
                    .ifPresent(value -> log.check(
                            actual.header(name).isPresent(),
                            mismatch(
                                    recorded,
                                    name + " header",
                                    value,
                                    actual.header(name).orElse(null))));
        }
        body(recorded, actual, log);
    }

    private void etagHeader(RecordedExchange recorded, ReplayedResponse actual, CheckLog log) {
        Optional<String> expected = recorded.responseHeader("ETag");
        Optional<String> value = actual.header("ETag");
        if (expected.isEmpty()) {
            log.check(value.isEmpty(), mismatch(recorded, "ETag header absent", "none", value.orElse(null)));
            return;
        }
        boolean holds = value.isPresent()
                && BodyComparator.isWeakETag(value.get())
                && volatiles.pairETag(expected.get(), value.get());
        log.check(
                holds,
                mismatch(recorded, "ETag header present, weak, new or as before", expected.get(), value.orElse(null)));
    }

    private void contentType(RecordedExchange recorded, ReplayedResponse actual, CheckLog log) {
        Optional<String> expected = recorded.responseHeader("Content-Type").map(ExchangeChecks::mediaType);
        Optional<String> value = actual.header("Content-Type").map(ExchangeChecks::mediaType);
        if (expected.isPresent()) {
            log.check(expected.equals(value), mismatch(recorded, "Content-Type", expected.get(), value.orElse(null)));
        } else {
            log.check(!actual.hasBody(), mismatch(recorded, "no body", "none", actual.body()));
        }
    }

    private void body(RecordedExchange recorded, ReplayedResponse actual, CheckLog log) {
        JsonNode expected = recorded.responseBody();
        if (expected == null) {
            return; // covered by the Content-Type check
        }
        Optional<JsonNode> json = actual.json();
        if (json.isEmpty()) {
            log.check(false, mismatch(recorded, "JSON body", abbreviate(expected.toString()), actual.body()));
            return;
        }
        List<Mismatch> found = new java.util.ArrayList<>(bodies.compare(recorded, expected, json.get()));
        JsonNode etag = json.get().get("$etag");
        Optional<String> header = actual.header("ETag");
        if (etag != null && header.isPresent() && !etag.asText().equals(header.get())) {
            found.add(mismatch(recorded, "body /$etag equals the ETag header", header.get(), etag.asText()));
        }
        log.checkAll(found);
    }

    private static String errorOf(ReplayedResponse actual) {
        return actual.json()
                .map(body -> body.path("error").path("code").asText(""))
                .filter(code -> !code.isEmpty())
                .map(code -> " " + code)
                .orElse("");
    }

    private static String mediaType(String contentType) {
        return contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isNumber(String text) {
        if (text == null) {
            return false;
        }
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static Mismatch mismatch(RecordedExchange recorded, String what, Object expected, Object actual) {
        return new Mismatch(
                recorded.index(),
                recorded.method(),
                recorded.path(),
                what,
                String.valueOf(expected),
                abbreviate(String.valueOf(actual)));
    }
}
