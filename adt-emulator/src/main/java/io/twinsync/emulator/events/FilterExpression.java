package io.twinsync.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed route filter. The language has no {@code NOT}, so "unknown" (a comparison with a missing part of the
 * event) can be treated as false throughout without changing any result.
 */
sealed interface FilterExpression {

    boolean test(Notification notification);

    /** {@code true} or {@code false} on its own. */
    record Constant(boolean value) implements FilterExpression {
        @Override
        public boolean test(Notification notification) {
            return value;
        }
    }

    record And(FilterExpression left, FilterExpression right) implements FilterExpression {
        @Override
        public boolean test(Notification notification) {
            return left.test(notification) && right.test(notification);
        }
    }

    record Or(FilterExpression left, FilterExpression right) implements FilterExpression {
        @Override
        public boolean test(Notification notification) {
            return left.test(notification) || right.test(notification);
        }
    }

    record Comparison(FilterOperand left, FilterComparator comparator, FilterOperand right)
            implements FilterExpression {
        @Override
        public boolean test(Notification notification) {
            return comparator.test(left.value(notification), right.value(notification));
        }
    }

    record Call(FilterFunction function, FilterOperand value, FilterOperand part) implements FilterExpression {
        @Override
        public boolean test(Notification notification) {
            JsonNode text = value.value(notification);
            JsonNode searched = part.value(notification);
            return text.isTextual() && searched.isTextual() && function.test(text.asText(), searched.asText());
        }
    }
}
