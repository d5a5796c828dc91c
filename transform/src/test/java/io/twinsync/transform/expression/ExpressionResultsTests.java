package io.twinsync.transform.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.rows.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionResultsTests {

    @Test
    void javaTypesBecomeTheStagedRepresentationOfTheirType() {
        // when results of each Java type are taken as staged values
        // then each has the staged type (and Java class) a column of that type would have
        assertStaged("text", ValueType.STRING, "text");
        assertStaged('c', ValueType.STRING, "c");
        assertStaged(7, ValueType.INTEGER, 7L);
        assertStaged((short) 7, ValueType.INTEGER, 7L);
        assertStaged(7L, ValueType.INTEGER, 7L);
        assertStaged(BigInteger.TEN, ValueType.INTEGER, 10L);
        assertStaged(BigInteger.TEN.pow(30), ValueType.DECIMAL, new BigDecimal(BigInteger.TEN.pow(30)));
        assertStaged(new BigDecimal("1.50"), ValueType.DECIMAL, new BigDecimal("1.50"));
        assertStaged(0.5d, ValueType.DOUBLE, 0.5d);
        assertStaged(0.1f, ValueType.DOUBLE, 0.1d);
        assertStaged(true, ValueType.BOOLEAN, true);
        assertStaged(LocalDate.of(2024, 3, 31), ValueType.DATE, LocalDate.of(2024, 3, 31));
        assertStaged(LocalTime.of(8, 30), ValueType.TIME, LocalTime.of(8, 30));
        assertStaged(LocalDateTime.of(2024, 3, 31, 12, 0), ValueType.TIMESTAMP, LocalDateTime.of(2024, 3, 31, 12, 0));
        OffsetDateTime utc = OffsetDateTime.of(2024, 3, 31, 12, 0, 0, 0, ZoneOffset.UTC);
        assertStaged(utc, ValueType.TIMESTAMP_TZ, utc);
        assertStaged(Instant.parse("2024-03-31T12:00:00Z"), ValueType.TIMESTAMP_TZ, utc);
        ZonedDateTime paris = ZonedDateTime.of(2024, 3, 31, 14, 0, 0, 0, ZoneId.of("Europe/Paris"));
        assertStaged(paris, ValueType.TIMESTAMP_TZ, paris.toOffsetDateTime());
    }

    @Test
    void otherTypesAreRefusedNamingTheType() {
        // when a result is a list
        // then it is refused, naming its Java type
        assertThatThrownBy(() -> ExpressionResults.toStaged(List.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.util");
    }

    private static void assertStaged(Object result, ValueType type, Object staged) {
        Object value = ExpressionResults.toStaged(result);
        assertThat(value).as("%s", result).isEqualTo(staged);
        assertThat(ExpressionResults.typeOf(value)).as("%s", result).isEqualTo(type);
    }
}
