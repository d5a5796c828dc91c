package io.twinsync.transform.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.dtdl.model.PrimitiveSchema;
import io.twinsync.staging.rows.ValueType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemporalConversionTests {

    private final ValueConverter date = Converters.of(PrimitiveSchema.DATE);
    private final ValueConverter dateTime = Converters.of(PrimitiveSchema.DATE_TIME);
    private final ValueConverter time = Converters.of(PrimitiveSchema.TIME);
    private final ValueConverter duration = Converters.of(PrimitiveSchema.DURATION);

    @Test
    void dateComesFromDatesAndIsoText() {
        assertThat(date.convert(LocalDate.parse("2024-02-29")).asText()).isEqualTo("2024-02-29");
        assertThat(date.convert(" 2024-02-29 ").asText()).isEqualTo("2024-02-29");
    }

    @Test
    void dateComesFromATimestampAtMidnightOnly() {
        assertThat(date.convert(LocalDateTime.parse("2024-02-29T00:00")).asText())
                .isEqualTo("2024-02-29");
        assertThatThrownBy(() -> date.convert(LocalDateTime.parse("2024-02-29T10:15")))
                .isInstanceOf(UnconvertibleValueException.class)
                .hasMessageContaining("has a time of day");
    }

    @ParameterizedTest
    @ValueSource(strings = {"29/02/2024", "2024-02-30", "20240229", "yesterday"})
    void dateTextThatIsNotIsoIsAnError(String text) {
        assertThatThrownBy(() -> date.convert(text))
                .isInstanceOf(UnconvertibleValueException.class)
                .hasMessageContaining("is not a date such as 2024-03-31");
    }

    @Test
    void timestampWithoutZoneIsTakenAsUtc() {
        assertThat(dateTime.convert(LocalDateTime.parse("2024-12-21T09:30")).asText())
                .isEqualTo("2024-12-21T09:30:00Z");
    }

    @Test
    void timestampWithOffsetIsWrittenInUtc() {
        OffsetDateTime local = OffsetDateTime.of(2024, 3, 31, 14, 30, 0, 500_000_000, ZoneOffset.ofHours(2));
        assertThat(dateTime.convert(local).asText()).isEqualTo("2024-03-31T12:30:00.500Z");
    }

    @Test
    void dateTimeTextWithOrWithoutOffsetIsRead() {
        assertThat(dateTime.convert("2024-03-31T14:30:00-05:00").asText()).isEqualTo("2024-03-31T19:30:00Z");
        assertThat(dateTime.convert("2024-03-31T14:30").asText()).isEqualTo("2024-03-31T14:30:00Z");
    }

    @Test
    void dateTimeTextThatIsNotIsoIsAnError() {
        assertThatThrownBy(() -> dateTime.convert("31.03.2024 14:30"))
                .isInstanceOf(UnconvertibleValueException.class)
                .hasMessageContaining("ISO-8601");
    }

    @Test
    void yearsBeyondFourDigitsAreErrors() {
        assertThatThrownBy(() -> dateTime.convert(LocalDateTime.parse("+10000-01-01T00:00")))
                .isInstanceOf(UnconvertibleValueException.class)
                .hasMessageContaining("outside the years 0000 to 9999");
    }

    @Test
    void timeComesFromTimesAndText() {
        assertThat(time.convert(LocalTime.parse("08:30")).asText()).isEqualTo("08:30:00");
        assertThat(time.convert("23:59:59.25").asText()).isEqualTo("23:59:59.25");
        assertThatThrownBy(() -> time.convert("8.30")).isInstanceOf(UnconvertibleValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT15M", "P1DT12H", "P1Y2M3W4DT5H6M7.5S", "-P3D", "PT0S"})
    void iso8601DurationsAreKept(String text) {
        assertThat(duration.convert(text).asText()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"15 minutes", "P", "PT", "P1DT", "900", "PT1.5M"})
    void otherDurationTextIsAnError(String text) {
        assertThatThrownBy(() -> duration.convert(text))
                .isInstanceOf(UnconvertibleValueException.class)
                .hasMessageContaining("is not an ISO-8601 duration");
    }

    @Test
    void durationsComeFromTextOnly() {
        // a number of seconds or minutes is ambiguous: the query must say what it means
        assertThat(ValueType.values()).filteredOn(duration::accepts).containsExactly(ValueType.STRING);
    }

    @Test
    void temporalSchemasTakeTheirOwnTypesAndText() {
        assertThat(ValueType.values())
                .filteredOn(date::accepts)
                .containsExactlyInAnyOrder(ValueType.DATE, ValueType.TIMESTAMP, ValueType.STRING);
        assertThat(ValueType.values())
                .filteredOn(dateTime::accepts)
                .containsExactlyInAnyOrder(ValueType.TIMESTAMP, ValueType.TIMESTAMP_TZ, ValueType.STRING);
        assertThat(ValueType.values())
                .filteredOn(time::accepts)
                .containsExactlyInAnyOrder(ValueType.TIME, ValueType.STRING);
    }
}
