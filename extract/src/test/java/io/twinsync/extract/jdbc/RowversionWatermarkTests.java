package io.twinsync.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.extract.watermark.Watermark;
import io.twinsync.extract.watermark.WatermarkTracker;
import io.twinsync.staging.rows.ValueType;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SQL Server rowversion watermarks: the incremental read's text and parameters, and the watermark kept below
 * {@code MIN_ACTIVE_ROWVERSION()}. The read itself runs against SQL Server in {@code
 * ChangeTrackingSqlServerIntegrationTests}; H2 has no rowversion.
 */
class RowversionWatermarkTests {

    @Test
    void anIncrementalRowversionReadIsAboveTheKeptValueAndBelowTheCeiling() throws Exception {
        // when the read of a SQL Server entity with a rowversion watermark is built
        String sql = WatermarkQueries.between("SELECT * FROM [dbo].[Equipment]", "RowVer", sqlServer());

        // then the column is bracketed and both bounds are parameters
        assertThat(sql)
                .isEqualTo("SELECT * FROM (SELECT * FROM [dbo].[Equipment]) w WHERE w.[RowVer] > ? AND w.[RowVer] < ?");
    }

    @Test
    void theKeptRowversionIsBoundAsItsEightBytes() throws Exception {
        // given a kept rowversion 0x00000000000007D1
        byte[] kept = HexFormat.of().parseHex("00000000000007D1");
        List<String> calls = new ArrayList<>();

        // when bound
        WatermarkQueries.bind(
                ChangeTrackingReadTests.recording(calls), 1, new Watermark("RowVer", ValueType.BINARY, kept));

        // then as bytes (varbinary), which SQL Server compares with rowversion byte by byte, unsigned
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).startsWith("setBytes[1, [B@");
    }

    @Test
    void sqlServerCallsRowversionTimestampInItsMetadata() {
        assertThat(RowversionCeiling.isRowversion("timestamp")).isTrue();
        assertThat(RowversionCeiling.isRowversion("rowversion")).isTrue();
        assertThat(RowversionCeiling.isRowversion("varbinary")).isFalse();
        assertThat(RowversionCeiling.SQL).isEqualTo("SELECT MIN_ACTIVE_ROWVERSION()");
    }

    @Test
    void rowversionsAtOrAboveTheCeilingDoNotMoveTheWatermark() {
        // given MIN_ACTIVE_ROWVERSION() 0x...0800 (a transaction holding 0x...0800 still open) and rows read at
        // 0x...07FF, 0x...0800 and 0x...0801 (the last committed after the open one began)
        WatermarkTracker tracker =
                new WatermarkTracker("RowVer", ValueType.BINARY, 0, null).below(rowversion("0000000000000800"));

        // when the rows pass
        tracker.accept(new Object[] {rowversion("00000000000007FF")});
        tracker.accept(new Object[] {rowversion("0000000000000801")});
        tracker.accept(new Object[] {rowversion("0000000000000800")});

        // then the watermark stays below the ceiling, so the open transaction's rows are read once it commits
        assertThat(tracker.watermark())
                .isEqualTo(new Watermark("RowVer", ValueType.BINARY, rowversion("00000000000007FF")));
    }

    @Test
    void rowversionsCompareUnsignedSoTheHighBitIsLarger() {
        // given rowversions whose low byte has its high bit set (negative as a Java byte)
        WatermarkTracker tracker = new WatermarkTracker("RowVer", ValueType.BINARY, 0, null);

        tracker.accept(new Object[] {rowversion("00000000000000FF")});
        tracker.accept(new Object[] {rowversion("000000000000007F")});

        assertThat(tracker.watermark().value()).isEqualTo(rowversion("00000000000000FF"));
    }

    private static byte[] rowversion(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** A connection whose metadata says SQL Server, as mssql-jdbc's does: the one JDBC boundary faked here. */
    private static Connection sqlServer() {
        DatabaseMetaData meta = (DatabaseMetaData) Proxy.newProxyInstance(
                RowversionWatermarkTests.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getDatabaseProductName" -> "Microsoft SQL Server";
                    case "storesMixedCaseIdentifiers" -> true;
                    case "getIdentifierQuoteString" -> "\"";
                    default -> false;
                });
        return (Connection) Proxy.newProxyInstance(
                RowversionWatermarkTests.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("getMetaData") ? meta : null);
    }
}
