package io.twinsync.transform.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.dtdl.model.PrimitiveSchema;
import io.twinsync.staging.rows.ValueType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FloatingPointConversionTests {

    private final ValueConverter doubles = Converters.of(PrimitiveSchema.DOUBLE);
    private final ValueConverter floats = Converters.of(PrimitiveSchema.FLOAT);

    @Test
    void decimalIsWrittenExactlyWithoutTrailingZeros() {
        assertThat(doubles.convert(new BigDecimal("0.10")).toString()).isEqualTo("0.1");
        assertThat(doubles.convert(new BigDecimal("12345678901234567890.123456789"))
                        .toString())
                .isEqualTo("12345678901234567890.123456789");
        assertThat(doubles.convert(new BigDecimal("48.00")).toString()).isEqualTo("48");
        assertThat(doubles.convert(new BigDecimal("1E+2")).toString()).isEqualTo("100");
    }

    @Test
    void doubleIsWrittenAsItsShortestDecimal() {
        assertThat(doubles.convert(0.1).toString()).isEqualTo("0.1");
    }

    @Test
    void integerAndTextBecomeDoubles() {
        assertThat(doubles.convert(3L).toString()).isEqualTo("3");
        assertThat(doubles.convert("-2.5e3").toString()).isEqualTo("-2500");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteNumbersAreErrors(double value) {
        assertThatThrownBy(() -> doubles.convert(value))
                .isInstanceOf(UnconvertibleValueException.class)
                .hasMessageContaining("not a finite number");
    }

    @Test
    void floatKeepsToItsRange() {
        assertThat(floats.convert(new BigDecimal("1.5")).toString()).isEqualTo("1.5");
        assertThatThrownBy(() -> floats.convert(new BigDecimal("1e39")))
                .isInstanceOf(UnconvertibleValueException.class)
                .hasMessageContaining("outside the range of float");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-999999999", "-1e-400"})
    void numbersTooCloseToZeroAreErrors(String text) {
        assertThatThrownBy(() -> doubles.convert(text))
                .isInstanceOf(UnconvertibleValueException.class)
                .hasMessageContaining("too close to zero for double");
    }

    @Test
    void numbersWithMoreDecimalPlacesThanTheTypeHasAreErrors() {
        String text = "0.5" + "0".repeat(2_000) + "1";
        assertThatThrownBy(() -> doubles.convert(text))
                .isInstanceOf(UnconvertibleValueException.class)
                .hasMessageContaining("2002 decimal places; no double has more than 1074");
        assertThat(doubles.convert(new BigDecimal(Double.MIN_VALUE))).isNotNull();
    }

    @Test
    void localeStyleTextIsAnError() {
        assertThatThrownBy(() -> doubles.convert("1,5")).isInstanceOf(UnconvertibleValueException.class);
    }

    @Test
    void booleanAndTemporalColumnsCannotBecomeDoubles() {
        assertThat(ValueType.values())
                .filteredOn(doubles::accepts)
                .containsExactlyInAnyOrder(ValueType.INTEGER, ValueType.DECIMAL, ValueType.DOUBLE, ValueType.STRING);
    }
}
