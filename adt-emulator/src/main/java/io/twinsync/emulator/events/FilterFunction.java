package io.twinsync.emulator.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The functions route filters offer (Microsoft Learn, "Create event routes and filters"): each takes a value and a
 * string and is true only when both are strings and the test holds, case-sensitively.
 */
enum FilterFunction {
    STARTS_WITH,
    ENDS_WITH,
    CONTAINS;

    /** The function named {@code name}, in any case. */
    static Optional<FilterFunction> named(String name) {
        return Arrays.stream(values())
                .filter(f -> f.name().equalsIgnoreCase(name))
                .findFirst();
    }

    boolean test(String value, String part) {
        return switch (this) {
            case STARTS_WITH -> value.startsWith(part);
            case ENDS_WITH -> value.endsWith(part);
            case CONTAINS -> value.contains(part);
        };
    }
}
