package io.twinsync.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.twinsync.emulator.json.EmulatorJson;
import java.time.Instant;
import java.util.Objects;

/**
 * One event notification as a CloudEvent 1.0 (structured JSON mode, as ADT sends to Event Grid with the CloudEvents
 * schema; Event Hubs and Service Bus get the same attributes as AMQP application properties).
 *
 * @param id unique per event; for telemetry the client's {@code Message-Id}
 * @param source the instance's host name, or {@code <host>/digitaltwins/<twin>} for telemetry
 * @param subject the twin id, {@code <twin>/relationships/<id>}, a telemetry component's name, or null (twin telemetry)
 * @param time when the operation happened, or null (telemetry carries none)
 * @param dataSchema the telemetry sender's model, or null (other notifications carry none)
 * @param traceparent a W3C trace context
 * @param data the event's body
 */
public record Notification(
        NotificationType type,
        String id,
        String source,
        String subject,
        Instant time,
        String dataSchema,
        String traceparent,
        JsonNode data) {

    /** The only version ADT writes. */
    public static final String SPEC_VERSION = "1.0";

    /** ADT's {@code datacontenttype} for every kind (Microsoft Learn, "Event notifications", property tables). */
    public static final String DATA_CONTENT_TYPE = "application/json";

    private static final String BODY = "$body";

    public Notification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(data, "data");
    }

    /**
     * The value a route filter sees for {@code name}: a CloudEvents attribute ({@code type}, {@code source}, ...),
     * {@code $eventType}, or {@code $body} and a path into the data ({@code $body.$metadata.$model}). Absent when the
     * event has no such attribute or the path leads nowhere; paths do not enter arrays (ADT cannot filter on fields
     * within an array).
     */
    JsonNode attribute(String name) {
        if (name.equals(BODY) || name.startsWith(BODY + ".")) {
            return bodyPath(name);
        }
        return switch (name) {
            case "specversion" -> TextNode.valueOf(SPEC_VERSION);
            case "id" -> TextNode.valueOf(id);
            case "type" -> TextNode.valueOf(type.cloudEventType());
            case "source" -> TextNode.valueOf(source);
            case "subject" -> text(subject);
            case "time" -> time == null ? MissingNode.getInstance() : TextNode.valueOf(time.toString());
            case "datacontenttype" -> TextNode.valueOf(DATA_CONTENT_TYPE);
            case "dataschema" -> text(dataSchema);
            case "traceparent" -> text(traceparent);
            case "$eventType" -> TextNode.valueOf(type.legacyEventType());
            default -> MissingNode.getInstance();
        };
    }

    /**
     * The line written to the sink: every CloudEvents attribute the event has, {@code data}, and the route it went
     * through ({@code routeId}, {@code endpointName}; CloudEvents attribute names are lower case, so these cannot
     * clash with one).
     */
    ObjectNode toJson(EventRoute route) {
        ObjectNode line = EmulatorJson.object();
        line.put("specversion", SPEC_VERSION);
        line.put("id", id);
        line.put("type", type.cloudEventType());
        line.put("source", source);
        if (subject != null) {
            line.put("subject", subject);
        }
        if (time != null) {
            line.put("time", time.toString());
        }
        line.put("datacontenttype", DATA_CONTENT_TYPE);
        if (dataSchema != null) {
            line.put("dataschema", dataSchema);
        }
        line.put("traceparent", traceparent);
        line.set("data", data);
        line.put("routeId", route.id());
        line.put("endpointName", route.endpointName());
        return line;
    }

    private JsonNode bodyPath(String name) {
        JsonNode node = data;
        if (name.length() > BODY.length()) {
            for (String segment : name.substring(BODY.length() + 1).split("\\.", -1)) {
                if (!node.isObject()) {
                    return MissingNode.getInstance();
                }
                node = node.path(segment);
            }
        }
        return node;
    }

    private static JsonNode text(String value) {
        return value == null ? MissingNode.getInstance() : TextNode.valueOf(value);
    }
}
