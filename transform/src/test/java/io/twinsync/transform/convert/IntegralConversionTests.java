package io.twinsync.transform.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.dtdl.model.PrimitiveSchema;
import io.twinsync.staging.rows.ValueType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntegralConversionTests {

    private final ValueConverter integer = Converters.of(PrimitiveSchema.INTEGER);
    private final ValueConverter longs = Converters.of(PrimitiveSchema.LONG);

    @Test
    void integerComesFromIntegerColumns() {
        assertThat(integer.convert(42L).toString()).isEqualTo("42");
    }

    @Test
    void integerComesFromWholeDecimals() {
        // a DECIMAL(10,2) holding 7.00 is the whole number 7
        assertThat(integer.convert(new BigDecimal("7.00")).toString()).isEqualTo("7");
        assertThat(integer.convert(new BigDecimal("1E+3")).toString()).isEqualTo("1000");
    }

    @Test
    void fractionIsAnErrorNotRounded() {
        assertThatThrownBy(() -> integer.convert(new BigDecimal("2.50")))
                .isInstanceOf(UnconvertibleValueException.class)
                .hasMessage("2.50 has a fractional part; integer takes whole numbers only");
    }

    @Test
    void integerIsFourBytes() {
        assertThat(integer.convert((long) Integer.MAX_VALUE).asInt()).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> integer.convert(Integer.MAX_VALUE + 1L))
                .isInstanceOf(UnconvertibleValueException.class)
                .hasMessageContaining("outside the range of integer");
    }

    @Test
    void longIsEightBytes() {
        assertThat(longs.convert(Long.MIN_VALUE).asLong()).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> longs.convert(new BigDecimal("9223372036854775808")))
                .isInstanceOf(UnconvertibleValueException.class)
                .hasMessageContaining("outside the range of long");
    }

    @Test
    void integerComesFromPlainText() {
        assertThat(integer.convert(" -17 ").asInt()).isEqualTo(-17);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,000", "1 000", "12abc", "", "٣"})
    void textThatIsNotAPlainNumberIsAnError(String text) {
        assertThatThrownBy(() -> integer.convert(text))
                .isInstanceOf(UnconvertibleValueException.class)
                .hasMessageContaining("is not a number");
    }

    @Test
    void onlyIntegerDecimalAndTextColumnsCanBecomeIntegers() {
        assertThat(ValueType.values())
                .filteredOn(integer::accepts)
                .containsExactlyInAnyOrder(ValueType.INTEGER, ValueType.DECIMAL, ValueType.STRING);
    }
}
