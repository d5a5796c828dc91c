package io.twinsync.extract.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.extract.ExtractException;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.rows.ValueType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatermarkStoreTests {

    @TempDir
    Path staging;

    @Test
    void committedWatermarksOfEveryTypeComeBackExactly() {
        // given pending watermarks of each supported type in a batch
        LocalStagingStore store = new LocalStagingStore(staging);
        Batch batch = store.createBatch(BatchId.newId(Instant.now()));
        Watermarks pending = Watermarks.none()
                .with("A", new Watermark("Id", ValueType.INTEGER, Long.MAX_VALUE))
                .with("B", new Watermark("Version", ValueType.DECIMAL, new BigDecimal("12345678901234567890.100")))
                .with(
                        "C",
                        new Watermark(
                                "Changed", ValueType.TIMESTAMP, LocalDateTime.parse("2026-01-02T03:04:05.1234567")))
                .with(
                        "D",
                        new Watermark("At", ValueType.TIMESTAMP_TZ, OffsetDateTime.parse("2026-01-02T03:04:05+05:30")))
                .with("E", new Watermark("RowVer", ValueType.BINARY, new byte[] {0, (byte) 0xff, 1}))
                .with("F", new Watermark("Code", ValueType.STRING, "'; DROP TABLE x; --"));
        WatermarkStore.writePending(batch, pending);

        // when the batch's watermarks are committed and read back
        WatermarkStore.commit(batch, store.state());
        Watermarks committed = WatermarkStore.readCommitted(store.state());

        // then they equal the pending ones
        assertThat(committed).isEqualTo(pending);
        assertThat(((BigDecimal) committed.of("B").orElseThrow().value()).scale())
                .isEqualTo(3);
    }

    @Test
    void pendingWatermarksAreNotCommittedUntilCommitIsCalled() {
        // given a batch with pending watermarks
        LocalStagingStore store = new LocalStagingStore(staging);
        Batch batch = store.createBatch(BatchId.newId(Instant.now()));
        WatermarkStore.writePending(batch, Watermarks.none().with("A", new Watermark("Id", ValueType.INTEGER, 7L)));

        // when / then the state has none
        assertThat(WatermarkStore.readCommitted(store.state()).isEmpty()).isTrue();
    }

    @Test
    void anUnreadableStateFileFailsSayingHowToRecover() throws IOException {
        // given a corrupt state file
        StateArea state = new LocalStagingStore(staging).state();
        try (StagedOutput out = state.create(WatermarkStore.STATE_FILE)) {
            out.write("{\"entities\": {\"A\": {\"column\": \"Id\", \"type\": \"INTEGER\", \"value\": \"x\"}}}"
                    .getBytes(StandardCharsets.UTF_8));
            out.commit();
        }

        // when / then
        assertThatThrownBy(() -> WatermarkStore.readCommitted(state))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining("entity A")
                .hasMessageContaining("Delete the file");
    }

    @Test
    void binaryValuesAreOrderedUnsigned() {
        // given / when / then 0x80 is above 0x7F, as in SQL Server's rowversion
        assertThat(WatermarkOrder.compare(ValueType.BINARY, new byte[] {(byte) 0x80}, new byte[] {0x7f}))
                .isPositive();
    }

    @Test
    void aRowversionIsKeptAsHexAsSqlServerShowsIt() throws IOException {
        // given a pending rowversion watermark 0x00000000000007D1
        LocalStagingStore store = new LocalStagingStore(staging);
        Batch batch = store.createBatch(BatchId.newId(Instant.now()));
        byte[] rowversion = {0, 0, 0, 0, 0, 0, 0x07, (byte) 0xd1};
        WatermarkStore.writePending(
                batch, Watermarks.none().with("Equipment", new Watermark("RowVer", ValueType.BINARY, rowversion)));

        // when committed
        WatermarkStore.commit(batch, store.state());

        // then the state file holds it as SQL Server's hex literal
        try (var in = store.state().open(WatermarkStore.STATE_FILE).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"value\" : \"0x00000000000007D1\"");
        }
    }

    @Test
    void aRowversionKeptAsBase64ByAnEarlierVersionIsStillRead() throws IOException {
        // given a state file written before binary watermarks were kept as hex
        StateArea state = new LocalStagingStore(staging).state();
        try (StagedOutput out = state.create(WatermarkStore.STATE_FILE)) {
            out.write(("{\"entities\": {\"Equipment\": {\"column\": \"RowVer\", \"type\": \"BINARY\","
                            + " \"value\": \"AAAAAAAAB9E=\"}}}")
                    .getBytes(StandardCharsets.UTF_8));
            out.commit();
        }

        // when / then it is the same rowversion
        assertThat(WatermarkStore.readCommitted(state)
                        .of("Equipment")
                        .orElseThrow()
                        .valueText())
                .isEqualTo("0x00000000000007D1");
    }
}
