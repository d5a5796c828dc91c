package io.twinsync.transform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwinIdRulesTests {

    @ParameterizedTest
    @ValueSource(strings = {"asset-PMP-0001", "a", "site NL/RTM", "Göteborg-1", "pump-🔧", "x:y;1"})
    void ordinaryIdsAreValid(String id) {
        assertThat(TwinIdRules.violation(id)).isEmpty();
    }

    @Test
    void emptyIdIsInvalid() {
        assertThat(TwinIdRules.violation("")).hasValue("it is empty");
    }

    @Test
    void idsHaveAtMostTheMaximumLength() {
        assertThat(TwinIdRules.violation("a".repeat(TwinIdRules.MAX_LENGTH))).isEmpty();
        assertThat(TwinIdRules.violation("a".repeat(TwinIdRules.MAX_LENGTH + 1)))
                .hasValueSatisfying(v -> assertThat(v).contains("at most 1024"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\tb", "a\nb", "a\u0000b", "a\u007Fb", "a\u0085b"})
    void controlCharactersAreInvalid(String id) {
        assertThat(TwinIdRules.violation(id))
                .hasValueSatisfying(v -> assertThat(v).contains("control character"));
    }

    @ParameterizedTest
    @ValueSource(strings = {" a", "a ", "CC-100  ", "\u00A0a", "a\u202F", "\u3000a"})
    void leadingOrTrailingWhitespaceIsInvalid(String id) {
        assertThat(TwinIdRules.violation(id)).hasValue("it starts or ends with whitespace");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void dotSegmentsAreInvalid(String id) {
        assertThat(TwinIdRules.violation(id))
                .hasValueSatisfying(v -> assertThat(v).contains("dot segment"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"...", "../../etc", "a..b", ".hidden"})
    void dotsInsideLongerIdsAreValid(String id) {
        assertThat(TwinIdRules.violation(id)).isEmpty();
    }

    @Test
    void loneSurrogateIsInvalid() {
        assertThat(TwinIdRules.violation("a\uD83Db"))
                .hasValueSatisfying(v -> assertThat(v).contains("lone surrogate"));
    }
}
