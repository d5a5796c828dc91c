package io.twinsync.emulator.query;

import java.util.List;
import java.util.OptionalInt;

/** What a query returns: {@code *}, {@code COUNT()}, or columns (collections or properties), optionally TOP(n). */
sealed interface Selection {

    /** {@code SELECT [TOP(n)] *}, also written {@code SELECT TOP(n)} alone. */
    record All(OptionalInt top) implements Selection {}

    /** {@code SELECT COUNT()}: one item {@code {"COUNT": n}}. */
    record Count() implements Selection {}

    /** {@code SELECT [TOP(n)] T, CT.name, ...}: whole collections keyed by name, properties keyed by their name. */
    record Columns(List<Operand.PropertyPath> columns, OptionalInt top) implements Selection {
        public Columns {
            columns = List.copyOf(columns);
        }
    }
}
