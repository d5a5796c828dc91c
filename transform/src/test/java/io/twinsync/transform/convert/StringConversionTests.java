package io.twinsync.transform.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.dtdl.model.PrimitiveSchema;
import io.twinsync.staging.rows.ValueType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StringConversionTests {

    private final ValueConverter strings = Converters.of(PrimitiveSchema.STRING);

    @Test
    void everyColumnTypeCanBecomeAString() {
        assertThat(ValueType.values()).allMatch(strings::accepts);
    }

    @Test
    void textIsKeptAsIs() {
        assertThat(strings.convert(" Göteborg ").asText()).isEqualTo(" Göteborg ");
    }

    @Test
    void numbersAreWrittenPlain() {
        assertThat(strings.convert(42L).asText()).isEqualTo("42");
        assertThat(strings.convert(new BigDecimal("1E+3")).asText()).isEqualTo("1000");
        assertThat(strings.convert(new BigDecimal("12.50")).asText()).isEqualTo("12.50");
        assertThat(strings.convert(1.0e10).asText()).isEqualTo("10000000000");
    }

    @Test
    void temporalValuesAreIso8601() {
        assertThat(strings.convert(LocalDate.parse("2024-03-31")).asText()).isEqualTo("2024-03-31");
        assertThat(strings.convert(LocalTime.parse("08:30")).asText()).isEqualTo("08:30:00");
        assertThat(strings.convert(LocalDateTime.parse("2024-03-31T08:30")).asText())
                .isEqualTo("2024-03-31T08:30:00");
        assertThat(strings.convert(OffsetDateTime.of(2024, 3, 31, 8, 30, 0, 0, ZoneOffset.ofHours(2)))
                        .asText())
                .isEqualTo("2024-03-31T08:30:00+02:00");
    }

    @Test
    void booleansAndBytesHaveOneSpelling() {
        assertThat(strings.convert(true).asText()).isEqualTo("true");
        assertThat(strings.convert(new byte[] {1, 2, 3}).asText()).isEqualTo("AQID");
    }

    @Test
    void textDoesNotDependOnTheDefaultLocale() {
        // given a default locale with a decimal comma and other digits
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
            // then numbers and dates are still written the one way
            assertThat(strings.convert(new BigDecimal("1234.5")).asText()).isEqualTo("1234.5");
            assertThat(strings.convert(0.25).asText()).isEqualTo("0.25");
            assertThat(strings.convert(LocalDate.parse("2024-03-31")).asText()).isEqualTo("2024-03-31");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
