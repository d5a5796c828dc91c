package io.twinsync.staging.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagedRowFormatTests {

    private final StagedSchema schema = new StagedSchema(
            "equipment",
            List.of("Id"),
            List.of(
                    new StagedColumn("Id", ValueType.INTEGER),
                    new StagedColumn("Name", ValueType.STRING),
                    new StagedColumn("Cost", ValueType.DECIMAL),
                    new StagedColumn("Ratio", ValueType.DOUBLE),
                    new StagedColumn("Active", ValueType.BOOLEAN),
                    new StagedColumn("Installed", ValueType.DATE),
                    new StagedColumn("Shift", ValueType.TIME),
                    new StagedColumn("Updated", ValueType.TIMESTAMP),
                    new StagedColumn("Seen", ValueType.TIMESTAMP_TZ),
                    new StagedColumn("Blob", ValueType.BINARY)));

    @Test
    void everyTypeSurvivesTheRoundTripExactly() {
        // given a row with one value of every type, including a decimal that a double would round
        Object[] values = {
            42L,
            "Pump \"A\"\n\u00e9",
            new BigDecimal("12345678901234567890.123456789"),
            0.1,
            true,
            LocalDate.of(2024, 2, 29),
            LocalTime.of(23, 59, 58, 123_000_000),
            LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000),
            OffsetDateTime.parse("2026-01-02T03:04:05+05:30"),
            new byte[] {0, 1, (byte) 0xff}
        };

        // when it is written and read back
        List<StagedRow> rows = roundTrip(values, new Object[values.length]);

        // then every value comes back equal, and nulls stay null
        assertThat(rows).hasSize(2);
        StagedRow row = rows.get(0);
        for (int i = 0; i < values.length - 1; i++) {
            assertThat(row.get(i)).as(schema.columns().get(i).name()).isEqualTo(values[i]);
        }
        assertThat((byte[]) row.get(9)).containsExactly(0, 1, 0xff);
        assertThat(rows.get(1).get("Name")).isNull();
        assertThat(roundTrip(new Object[] {1L, null, new BigDecimal("100.00"), null, null, null, null, null, null, null
                        })
                        .get(0)
                        .get("Cost"))
                .as("scale is kept")
                .isEqualTo(new BigDecimal("100.00"));
        assertThat(rows.get(1).number()).isEqualTo(2);
    }

    @Test
    void columnLookupIgnoresCase() {
        StagedRow row = roundTrip(new Object[] {7L, "x", null, null, null, null, null, null, null, null})
                .get(0);
        assertThat(row.get("NAME")).isEqualTo("x");
        assertThat(row.key()).containsEntry("Id", 7L);
    }

    @Test
    void aValueOfTheWrongJavaTypeIsRefusedNamingTheColumn() {
        StagedRowWriter writer = new StagedRowWriter(new ByteArrayOutputStream(), schema);
        assertThatThrownBy(() -> writer.write(1, "x", null, null, null, null, null, null, null, null))
                .hasMessageContaining("Column Id is INTEGER");
    }

    private List<StagedRow> roundTrip(Object[]... rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StagedRowWriter writer = new StagedRowWriter(bytes, schema)) {
            for (Object[] row : rows) {
                writer.write(row);
            }
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("{\"format\":\"twinsync.rows/1\"");
        List<StagedRow> read = new ArrayList<>();
        try (StagedRowReader reader = new StagedRowReader(new ByteArrayInputStream(bytes.toByteArray()), "test")) {
            assertThat(reader.schema()).isEqualTo(schema);
            reader.forEachRemaining(read::add);
        }
        return read;
    }
}
