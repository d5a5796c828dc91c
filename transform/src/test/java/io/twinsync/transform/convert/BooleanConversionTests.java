package io.twinsync.transform.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.dtdl.model.PrimitiveSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BooleanConversionTests {

    private final ValueConverter booleans = Converters.of(PrimitiveSchema.BOOLEAN);

    @Test
    void bitColumnsAreBooleans() {
        assertThat(booleans.convert(true).booleanValue()).isTrue();
        assertThat(booleans.convert(false).booleanValue()).isFalse();
    }

    @Test
    void zeroAndOneAreBooleans() {
        assertThat(booleans.convert(1L).booleanValue()).isTrue();
        assertThat(booleans.convert(0L).booleanValue()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"true,true", "TRUE,true", "' false ',false", "1,true", "0,false"})
    void textTrueFalseOneZeroAreBooleans(String text, boolean expected) {
        assertThat(booleans.convert(text).booleanValue()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "Y", "2", ""})
    void otherTextIsAnError(String text) {
        assertThatThrownBy(() -> booleans.convert(text))
                .isInstanceOf(UnconvertibleValueException.class)
                .hasMessageContaining("is not a boolean");
    }

    @Test
    void otherIntegersAreErrors() {
        assertThatThrownBy(() -> booleans.convert(2L)).isInstanceOf(UnconvertibleValueException.class);
    }
}
