package io.twinsync.emulator.events;

import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import java.util.Set;
import java.util.TreeSet;

/**
 * An event route's filter, parsed once: {@code true}, {@code false}, or comparisons and functions over the
 * notification's CloudEvents attributes ({@code type}, {@code source}, {@code subject}, {@code dataschema},
 * {@code datacontenttype}, {@code specversion}, and also {@code id}, {@code time}, {@code traceparent}), its data
 * ({@code $body.<path>}) and the older {@code $eventType}, joined with {@code AND}, {@code OR} and parentheses.
 * A filter the parser cannot read is refused as the service refuses it (recorded, EventRoutesTest
 * .createEventRouteThrowsIfFilterIsMalformed): 400 {@code EventRouteFilterInvalid}, "The provided filter is invalid.
 * Parsing error, Line=1, Position=6, Message=Unexpected input 'is'. See event route documentation ...".
 */
public final class RouteFilter {

    /** The names a notification can answer for, besides {@code $body} paths. */
    static final Set<String> ATTRIBUTES = Set.of(
            "specversion",
            "id",
            "type",
            "source",
            "subject",
            "time",
            "datacontenttype",
            "dataschema",
            "traceparent",
            "$eventType");

    private final String text;
    private final FilterExpression expression;
    private final Set<String> references;

    private RouteFilter(String text, FilterExpression expression, Set<String> references) {
        this.text = text;
        this.expression = expression;
        this.references = references;
    }

    /** Parses a filter, or throws 400 {@code EventRouteFilterInvalid} saying where it went wrong. */
    public static RouteFilter parse(String text) {
        if (text == null || text.isBlank()) {
            throw new AdtException(
                    AdtError.EVENT_ROUTE_FILTER_INVALID,
                    "The event route has no filter. Send \"filter\": \"true\" to route every event, \"false\" to"
                            + " route none, or an expression such as type = 'Microsoft.DigitalTwins.Twin.Create'.");
        }
        try {
            FilterParser.Parsed parsed = FilterParser.parse(text);
            return new RouteFilter(text, parsed.expression(), parsed.references());
        } catch (FilterSyntaxError e) {
            throw new AdtException(AdtError.EVENT_ROUTE_FILTER_INVALID, message(text, e));
        }
    }

    public String text() {
        return text;
    }

    /** True when the notification passes the filter. */
    public boolean matches(Notification notification) {
        return expression.test(notification);
    }

    /** Names the filter uses that no notification has, such as {@code Type}: comparisons with them never hold. */
    Set<String> unknownNames() {
        Set<String> unknown = new TreeSet<>();
        for (String name : references) {
            if (!ATTRIBUTES.contains(name) && !name.equals("$body") && !name.startsWith("$body.")) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /** The service's wording, with a 1-based line and position. */
    private static String message(String text, FilterSyntaxError error) {
        int offset = Math.min(error.position(), text.length());
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "The provided filter is invalid. Parsing error, Line=" + line + ", Position=" + (offset - lineStart + 1)
                + ", Message=" + error.getMessage() + ". See event route documentation for supported values and"
                + " structure (https://aka.ms/ADTv2Routes).";
    }
}
