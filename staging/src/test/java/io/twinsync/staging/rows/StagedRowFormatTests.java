package io.twinsync.staging.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void anExactColumnNameWinsOverOneThatDiffersOnlyInCase() {
        // given columns "code" and "Code"
        StagedSchema twoCodes = new StagedSchema(
                "thing",
                List.of("code"),
                List.of(new StagedColumn("code", ValueType.STRING), new StagedColumn("Code", ValueType.STRING)));

        // when / then each exact name finds its own column, any other spelling the first
        assertThat(twoCodes.indexOf("Code")).contains(1);
        assertThat(twoCodes.indexOf("code")).contains(0);
        assertThat(twoCodes.indexOf("CODE")).contains(0);
        assertThat(twoCodes.indexOf("missing")).isEmpty();
    }

    @Test
    void blankLinesAtTheEndOfTheFileAreIgnored() {
        // given a file whose rows are followed by blank lines
        String file = header() + "[1,\"a\",null,null,null,null,null,null,null,null]\n\n\n";

        // when / then its row is read and nothing else
        assertThat(read(file)).hasSize(1);
    }

    @Test
    void aBlankLineFollowedByMoreRowsFailsNamingTheFileAndLine() {
        // given a blank line between two rows
        String file = header() + "[1,\"a\",null,null,null,null,null,null,null,null]\n\n"
                + "[2,\"b\",null,null,null,null,null,null,null,null]\n";

        // when / then reading fails rather than silently dropping the second row
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("rows/equipment.ndjson line 3 is blank but more rows follow");
    }

    @Test
    void aMalformedLineFailsNamingTheFileAndLine() {
        // given a row cut short, as a truncated write would leave it
        String file = header() + "[1,\"a\",null,null,null,null,null,null,null,null]\n[2,\"b\",nu";

        // when / then
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("rows/equipment.ndjson line 3 (row 2)");
    }

    @Test
    void aRowsFileClosedWithoutCommitIsNotPublished(@TempDir Path root) {
        // given a rows file being written into a batch
        Batch batch = new LocalStagingStore(root).createBatch(BatchId.newId(Instant.now()));
        try (StagedRowWriter writer = new StagedRowWriter(batch.create("rows/equipment.ndjson"), schema)) {
            writer.write(1L, "a", null, null, null, null, null, null, null, null);
            // when it is closed without commit, as when the source fails half-way
        }

        // then there is no rows file
        assertThat(batch.exists("rows/equipment.ndjson")).isFalse();
        assertThat(batch.list("rows/")).isEmpty();
    }

    @Test
    void aCommittedRowsFileHoldsEveryRow(@TempDir Path root) {
        // given rows written into a batch and committed
        Batch batch = new LocalStagingStore(root).createBatch(BatchId.newId(Instant.now()));
        try (StagedRowWriter writer = new StagedRowWriter(batch.create("rows/equipment.ndjson"), schema)) {
            writer.write(1L, "a", null, null, null, null, null, null, null, null);
            writer.write(2L, "b", null, null, null, null, null, null, null, null);
            writer.commit();
        }

        // when it is read back / then both rows are there
        List<StagedRow> rows = new ArrayList<>();
        try (StagedRowReader reader = new StagedRowReader(batch.open("rows/equipment.ndjson"), "equipment")) {
            reader.forEachRemaining(rows::add);
        }
        assertThat(rows).extracting(r -> r.get("Id")).containsExactly(1L, 2L);
    }

    private String header() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new StagedRowWriter(bytes, schema).commit();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<StagedRow> read(String file) {
        List<StagedRow> rows = new ArrayList<>();
        try (StagedRowReader reader = new StagedRowReader(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "batch/rows/equipment.ndjson")) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
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
