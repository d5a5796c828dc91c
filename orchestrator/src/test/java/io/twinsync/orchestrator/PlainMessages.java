package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every user-facing error must not show: a stack trace, an exception's name, or a Java class name (a
 * framework's or twinsync's own). Shared by the tests of each class of failure.
 */
final class PlainMessages {

    /** A qualified Java class name: lower-case package segments, then a capitalised name. */
    static final String CLASS_NAME = "\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*\\b";

    private PlainMessages() {}

    static void assertPlain(String output) {
        assertThat(output)
                .doesNotContain("\tat ")
                .doesNotContain("at io.")
                .doesNotContain("Exception")
                .doesNotContainPattern(CLASS_NAME);
    }
}
