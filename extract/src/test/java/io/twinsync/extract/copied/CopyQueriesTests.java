package io.twinsync.extract.copied;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.extract.watermark.Watermark;
import io.twinsync.staging.rows.ValueType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The queries a Copy activity runs: whole tables, and kept watermarks written as SQL Server literals of their type. */
class CopyQueriesTests {

    @Test
    void aTableIsReadWholeWithItsPartsBracketed() {
        assertThat(CopyQueries.selectAll("dbo.Equipment")).isEqualTo("SELECT * FROM [dbo].[Equipment]");
        assertThat(CopyQueries.selectAll("Site")).isEqualTo("SELECT * FROM [Site]");
        assertThatThrownBy(() -> CopyQueries.selectAll("Site]; DROP TABLE x; --"))
                .hasMessageContaining("is not a plain identifier");
    }

    @Test
    void anIncrementalCopyReadsTheQuerysRowsAboveTheWatermark() {
        Watermark kept = new Watermark("ModifiedAt", ValueType.TIMESTAMP, LocalDateTime.parse("2025-01-15T08:00:00"));

        assertThat(CopyQueries.above("SELECT a, ModifiedAt FROM t", kept))
                .isEqualTo("SELECT * FROM (SELECT a, ModifiedAt FROM t) AS twinsync_copied"
                        + " WHERE [ModifiedAt] > CAST('2025-01-15T08:00:00.0000000' AS datetime2)");
    }

    @Test
    void eachWatermarkTypeIsALiteralOfItsType() {
        assertThat(literal(ValueType.INTEGER, 42L)).isEqualTo("42");
        assertThat(literal(ValueType.DECIMAL, new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(literal(ValueType.TIMESTAMP, LocalDateTime.parse("2025-01-16T09:30:00.123456789")))
                .isEqualTo("CAST('2025-01-16T09:30:00.1234567' AS datetime2)");
        assertThat(literal(ValueType.TIMESTAMP_TZ, OffsetDateTime.parse("2025-01-16T09:30:00+01:00")))
                .isEqualTo("CAST('2025-01-16T09:30:00.0000000+01:00' AS datetimeoffset)");
        assertThat(literal(ValueType.BINARY, new byte[] {0, 0, 0, 0, 0, 0, 7, (byte) 0xD1}))
                .isEqualTo("0x00000000000007D1");
        // text kept from a source row: its quotes are doubled, so it stays one literal
        assertThat(literal(ValueType.STRING, "O'Brien")).isEqualTo("N'O''Brien'");
    }

    private static String literal(ValueType type, Object value) {
        return CopyQueries.literal(new Watermark("W", type, value));
    }
}
