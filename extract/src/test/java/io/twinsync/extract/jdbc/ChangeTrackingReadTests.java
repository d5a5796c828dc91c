package io.twinsync.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.extract.jdbc.ChangeTrackingRead.Start;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text of change tracking reads, which H2 cannot run ({@code CHANGETABLE} is T-SQL only), their parameter, and
 * when a kept version is still usable. {@link ChangeTrackingExtractTests} runs what H2 can.
 */
class ChangeTrackingReadTests {

    @Test
    void changesJoinTheChangeTableToTheTableOnItsKeyAndTakeTheKeyFromTheChangeTable() {
        // when the changes of dbo.Equipment (key EquipmentId) are asked for
        String sql = ChangeTrackingRead.changesSql(
                ChangeTrackingRead.quotedTable("dbo.Equipment"),
                List.of("EquipmentId"),
                List.of("EquipmentId", "AssetTag", "Name"));

        // then the operation comes first (D when the row is gone), the key from CT, the rest from the table
        assertThat(sql)
                .isEqualTo("SELECT CASE WHEN T.[EquipmentId] IS NULL THEN N'D' ELSE CT.SYS_CHANGE_OPERATION END"
                        + " AS [SYS_CHANGE_OPERATION], CT.[EquipmentId] AS [EquipmentId], T.[AssetTag], T.[Name]"
                        + " FROM CHANGETABLE(CHANGES [dbo].[Equipment], ?) AS CT LEFT OUTER JOIN [dbo].[Equipment]"
                        + " AS T ON T.[EquipmentId] = CT.[EquipmentId]");
    }

    @Test
    void aCompositeKeyJoinsOnEveryKeyColumn() {
        // when the changes of a table keyed by two columns are asked for
        String sql = ChangeTrackingRead.changesSql(
                ChangeTrackingRead.quotedTable("OrderLine"),
                List.of("OrderId", "LineNo"),
                List.of("OrderId", "LineNo", "Qty"));

        // then both key columns come from CT and both join
        assertThat(sql)
                .isEqualTo("SELECT CASE WHEN T.[OrderId] IS NULL THEN N'D' ELSE CT.SYS_CHANGE_OPERATION END"
                        + " AS [SYS_CHANGE_OPERATION], CT.[OrderId] AS [OrderId], CT.[LineNo] AS [LineNo], T.[Qty]"
                        + " FROM CHANGETABLE(CHANGES [OrderLine], ?) AS CT LEFT OUTER JOIN [OrderLine] AS T"
                        + " ON T.[OrderId] = CT.[OrderId] AND T.[LineNo] = CT.[LineNo]");
    }

    @Test
    void aWholeReadHasTheSameColumnsWithANullOperation() {
        // when the whole table is asked for (first read or reset)
        String sql = ChangeTrackingRead.wholeSql(
                ChangeTrackingRead.quotedTable("dbo.Equipment"), List.of("EquipmentId", "AssetTag"));

        // then the operation column is there, NULL, so the staged columns are those of a changes read
        assertThat(sql)
                .isEqualTo("SELECT CAST(NULL AS NCHAR(1)) AS [SYS_CHANGE_OPERATION], T.[EquipmentId], T.[AssetTag]"
                        + " FROM [dbo].[Equipment] AS T");
    }

    @Test
    void aColumnNameWithABracketIsQuotedSafely() {
        assertThat(ChangeTrackingRead.quote("odd]name")).isEqualTo("[odd]]name]");
    }

    @Test
    void versionQueriesAreMicrosoftsFunctions() {
        assertThat(ChangeTrackingRead.CURRENT_VERSION_SQL).isEqualTo("SELECT CHANGE_TRACKING_CURRENT_VERSION()");
        assertThat(ChangeTrackingRead.MIN_VALID_VERSION_SQL)
                .isEqualTo("SELECT CHANGE_TRACKING_MIN_VALID_VERSION(OBJECT_ID(?))");
    }

    @Test
    void withoutAKeptVersionTheTableIsReadWhole() {
        assertThat(ChangeTrackingRead.decide(null, 0, 42)).isEqualTo(Start.FIRST);
    }

    @Test
    void aKeptVersionAtOrAboveTheMinimumValidOneReadsTheChanges() {
        assertThat(ChangeTrackingRead.decide(10L, 10, 42)).isEqualTo(Start.CHANGES);
        assertThat(ChangeTrackingRead.decide(42L, 10, 42)).isEqualTo(Start.CHANGES);
    }

    @Test
    void aKeptVersionBelowTheMinimumValidOneIsAReset() {
        // given changes up to version 11 cleaned up by retention, and version 10 kept
        assertThat(ChangeTrackingRead.decide(10L, 11, 42)).isEqualTo(Start.RESET);
    }

    @Test
    void aKeptVersionAboveTheCurrentOneIsAReset() {
        // given a database restored from a backup older than the kept version
        assertThat(ChangeTrackingRead.decide(50L, 1, 42)).isEqualTo(Start.RESET);
    }

    /** Records the setter calls made on a prepared statement: the one JDBC boundary these tests fake. */
    static PreparedStatement recording(List<String> calls) {
        return (PreparedStatement) Proxy.newProxyInstance(
                ChangeTrackingReadTests.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                    calls.add(method.getName()
                            + (args == null ? "()" : List.of(args).toString()));
                    return null;
                });
    }

    @Test
    void theRecordingStatementRecords() throws Exception {
        List<String> calls = new ArrayList<>();
        recording(calls).setLong(1, 7L);
        assertThat(calls).containsExactly("setLong[1, 7]");
    }
}
