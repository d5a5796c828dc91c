package io.twinsync.extract.jdbc;

import io.twinsync.extract.ExtractException;
import io.twinsync.extract.SourceEntity;
import io.twinsync.extract.watermark.Watermark;
import io.twinsync.extract.watermark.WatermarkOrder;
import io.twinsync.extract.watermark.WatermarkTracker;
import io.twinsync.staging.rows.StagedColumn;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The columns of an entity's result, checked before any row is read: types supported, names distinct, keys present. */
final class ResultColumns {

    private final SourceEntity entity;
    private final List<ResultColumn> columns;

    private ResultColumns(SourceEntity entity, List<ResultColumn> columns) {
        this.entity = entity;
        this.columns = columns;
    }

    static ResultColumns of(SourceEntity entity, ResultSetMetaData meta) throws SQLException {
        List<ResultColumn> columns = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            ResultColumn column = JdbcColumnTypes.describe(entity, meta, i);
            String name = column.staged().name();
            String earlier = names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (earlier != null) {
                throw new ExtractException("Entity " + entity.name() + ": the result has two columns named " + name
                        + " (names are compared ignoring case, as transform looks them up); give them distinct"
                        + " aliases in the query");
            }
            columns.add(column);
        }
        List<String> missing = entity.keyColumns().stream()
                .filter(key -> !names.containsKey(key.toLowerCase(Locale.ROOT)))
                .toList();
        if (!missing.isEmpty()) {
            throw new ExtractException("Entity " + entity.name() + ": key column(s) " + missing
                    + " are not in the result, whose columns are "
                    + columns.stream().map(c -> c.staged().name()).toList()
                    + ". Fix the entity's keyColumns, or select those columns");
        }
        return new ResultColumns(entity, List.copyOf(columns));
    }

    /**
     * A tracker of the entity's watermark column, starting from {@code start} (null for a full read); fails when the
     * column is not in the result or cannot serve as a watermark. A non-null {@code ceiling} (exclusive) keeps the
     * watermark below it.
     */
    WatermarkTracker watermarkTracker(Watermark start, Object ceiling) {
        String wanted = entity.watermarkColumn();
        for (int i = 0; i < columns.size(); i++) {
            StagedColumn column = columns.get(i).staged();
            if (column.name().equalsIgnoreCase(wanted)) {
                if (!WatermarkOrder.SUPPORTED.contains(column.type())) {
                    throw new ExtractException("Entity " + entity.name() + ": watermark column " + column.name()
                            + " (" + columns.get(i).sqlType() + ") is staged as " + column.type() + ", which cannot"
                            + " serve as a watermark. Use an increasing integer, decimal, timestamp, rowversion"
                            + " (binary) or fixed-format string column, or remove the entity's watermark");
                }
                WatermarkTracker tracker =
                        new WatermarkTracker(wanted, column.type(), i, start == null ? null : start.value());
                return ceiling == null ? tracker : tracker.below(ceiling);
            }
        }
        throw new ExtractException("Entity " + entity.name() + ": watermark column " + wanted
                + " is not in the result, whose columns are "
                + columns.stream().map(c -> c.staged().name()).toList()
                + ". Fix the entity's watermark column, or select that column");
    }

    List<StagedColumn> staged() {
        return columns.stream().map(ResultColumn::staged).toList();
    }

    int size() {
        return columns.size();
    }

    /** Reads the current row into {@code values}; a failure names the entity, row and column. */
    void read(ResultSet rs, long rowNumber, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            ResultColumn column = columns.get(i);
            try {
                values[i] = column.reader().read(rs, i + 1);
            } catch (SQLException | RuntimeException e) {
                throw new ExtractException(
                        "Entity " + entity.name() + " row " + rowNumber + ": cannot read column "
                                + column.staged().name() + " (" + column.sqlType() + ") as "
                                + column.staged().type() + ": " + e.getMessage()
                                + ". Cast the column in the query to a type that holds this value",
                        e);
            }
        }
    }
}
