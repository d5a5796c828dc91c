package io.twinsync.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One side of a comparison: a path such as {@code T.address.zip} or a literal value. */
sealed interface Operand {

    int position();

    /**
     * A dotted path. The first segment may name a collection ({@code T}) or, in a query over one collection, be the
     * first property.
     */
    record PropertyPath(List<String> segments, int position) implements Operand {
        public PropertyPath {
            segments = List.copyOf(segments);
        }

        String text() {
            return String.join(".", segments);
        }

        String first() {
            return segments.get(0);
        }

        String last() {
            return segments.get(segments.size() - 1);
        }
    }

    /** A string, number, {@code true}, {@code false} or {@code null}, as a JSON value. */
    record Literal(JsonNode value, int position) implements Operand {}
}
