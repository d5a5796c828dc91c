package io.twinsync.emulator.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;

/** The string functions {@code STARTSWITH}, {@code ENDSWITH} and {@code CONTAINS} (case-sensitive). */
enum StringFunction {
    STARTSWITH(String::startsWith),
    ENDSWITH(String::endsWith),
    CONTAINS(String::contains);

    private final BiPredicate<String, String> test;

    StringFunction(BiPredicate<String, String> test) {
        this.test = test;
    }

    static Optional<StringFunction> named(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name().equals(upper)).findFirst();
    }

    boolean test(String value, String argument) {
        return test.test(value, argument);
    }
}
