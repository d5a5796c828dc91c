package io.twinsync.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;

/** One side of a comparison or a function argument: a literal, or a reference to a part of the notification. */
sealed interface FilterOperand {

    /** The operand's value for one notification; a missing node when the notification has no such part. */
    JsonNode value(Notification notification);

    /** A string, number, {@code true}, {@code false} or {@code null}. */
    record Literal(JsonNode value) implements FilterOperand {
        @Override
        public JsonNode value(Notification notification) {
            return value;
        }
    }

    /** A CloudEvents attribute, {@code $eventType}, or a {@code $body} path (see {@link Notification#attribute}). */
    record Reference(String name) implements FilterOperand {
        @Override
        public JsonNode value(Notification notification) {
            return notification.attribute(name);
        }
    }
}
