package io.twinsync.extract.jdbc;

import io.twinsync.extract.ExtractException;
import io.twinsync.extract.SourceEntity;
import io.twinsync.extract.watermark.EntityExtract;
import io.twinsync.extract.watermark.IncrementalExtract;
import io.twinsync.extract.watermark.ReadKind;
import io.twinsync.extract.watermark.Watermark;
import io.twinsync.extract.watermark.WatermarkHorizon;
import io.twinsync.extract.watermark.WatermarkStore;
import io.twinsync.extract.watermark.WatermarkTracker;
import io.twinsync.extract.watermark.Watermarks;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.manifest.ExtractSummary;
import io.twinsync.staging.rows.StagedSchema;
import io.twinsync.staging.rows.ValueType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams each source entity's rows into the batch file {@code rows/{entity}.ndjson}: the driver fetches
 * {@code fetchSize} rows at a time and each row is written as it arrives, so memory does not grow with the table.
 *
 * <p>Entities are extracted one after the other and the first failure stops the run: a batch missing an entity
 * would look to later stages as if all its rows had been deleted. A failed entity publishes no rows file: the file
 * appears only after its last row.
 */
public final class JdbcRowExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcRowExtractor.class);

    private final DataSource dataSource;
    private final int fetchSize;
    private final int rowLimit;
    private final Secrets secrets;

    /**
     * @param dataSource the source, normally {@link JdbcSources#open}'s pool, whose URL and password are then masked
     *     in every error as well as any credentials inside a JDBC URL
     * @param fetchSize rows the driver fetches per round trip; at least 1
     */
    public JdbcRowExtractor(DataSource dataSource, int fetchSize) {
        this(dataSource, fetchSize, 0);
    }

    private JdbcRowExtractor(DataSource dataSource, int fetchSize, int rowLimit) {
        if (dataSource == null) {
            throw new IllegalArgumentException("JdbcRowExtractor needs a DataSource (see JdbcSources.open)");
        }
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize is " + fetchSize
                    + "; set it to 1 or more (0 lets some drivers, PostgreSQL among them, load whole tables)");
        }
        this.dataSource = dataSource;
        this.fetchSize = fetchSize;
        this.rowLimit = rowLimit;
        this.secrets = Secrets.of(dataSource);
    }

    /**
     * An extractor that stages at most {@code rows} rows per entity (the driver's {@code setMaxRows}), for samples
     * such as mapping validation. A sample is not a batch to sync: a missing row would read as a deletion.
     */
    public JdbcRowExtractor sample(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("A sample needs at least 1 row per entity, not " + rows);
        }
        return new JdbcRowExtractor(dataSource, fetchSize, rows);
    }

    /** Extracts every entity whole into the batch, in the given order, and returns the rows staged per entity. */
    public ExtractSummary extract(Batch batch, List<SourceEntity> entities) {
        return run(batch, entities, Watermarks.none(), Map.of(), done -> {}).summary();
    }

    /**
     * Extracts every entity into the batch, reading incrementally each entity that has a watermark column and a
     * usable {@code previous} watermark (same column, same type), and writes the new watermarks into the batch as
     * pending ({@link WatermarkStore#BATCH_FILE}). They take effect only through {@link WatermarkStore#commit}, once
     * the batch was written.
     *
     * @param previous the committed watermarks ({@link WatermarkStore#readCommitted}); {@link Watermarks#none()}
     *     reads every entity whole
     */
    public IncrementalExtract extract(Batch batch, List<SourceEntity> entities, Watermarks previous) {
        return extract(batch, entities, previous, Map.of(), done -> {});
    }

    /**
     * As {@link #extract(Batch, List, Watermarks)}, for an extract that may start again: the entities in
     * {@code earlier} whose rows file the batch holds are not read again (what they recorded stands), and each
     * entity read is handed to {@code progress} as soon as its rows file is staged whole.
     *
     * @param earlier what an earlier attempt of this batch's extract recorded, by entity name
     * @param progress hears each entity as it is done, to record it where a new attempt finds it
     */
    public IncrementalExtract extract(
            Batch batch,
            List<SourceEntity> entities,
            Watermarks previous,
            Map<String, EntityExtract> earlier,
            Consumer<EntityExtract> progress) {
        if (rowLimit > 0) {
            throw new IllegalStateException("A sample of " + rowLimit + " rows per entity keeps no watermarks (its"
                    + " maximum would skip rows); extract the sample without watermarks");
        }
        IncrementalExtract result =
                run(batch, entities, previous == null ? Watermarks.none() : previous, earlier, progress);
        WatermarkStore.writePending(batch, result.pending());
        return result;
    }

    private IncrementalExtract run(
            Batch batch,
            List<SourceEntity> entities,
            Watermarks previous,
            Map<String, EntityExtract> earlier,
            Consumer<EntityExtract> progress) {
        checkDistinctNames(entities);
        Instant started = Instant.now();
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, ReadKind> reads = new LinkedHashMap<>();
        Watermarks pending = Watermarks.none();
        for (SourceEntity entity : entities) {
            EntityExtract done = earlier.get(entity.name());
            if (done != null && batch.exists(BatchLayout.rowsFile(entity.name()))) {
                LOG.info(
                        "Entity {}: its {} rows were extracted by an earlier attempt of batch {}; not read again",
                        entity.name(),
                        done.rows(),
                        batch.id());
            } else {
                EntityRead read = read(batch, entity, previous.of(entity.name()).orElse(null));
                done = new EntityExtract(entity.name(), read.rows(), read.kind(), read.watermark());
                progress.accept(done);
            }
            rows.put(entity.name(), done.rows());
            reads.put(entity.name(), done.kind());
            if (done.watermark() != null) {
                pending = pending.with(entity.name(), done.watermark());
            }
        }
        Instant finished = Instant.now();
        LOG.info(
                "Extracted {} entities, {} rows in total, into batch {} in {} ms",
                entities.size(),
                rows.values().stream().mapToLong(Long::longValue).sum(),
                batch.id(),
                finished.toEpochMilli() - started.toEpochMilli());
        return new IncrementalExtract(new ExtractSummary(started, finished, rows), reads, pending);
    }

    /**
     * Extracts one entity whole into {@code rows/{entity}.ndjson} and returns the number of rows staged.
     *
     * @throws ExtractException naming the entity; its message and causes never carry the source's credentials
     */
    public long extract(Batch batch, SourceEntity entity) {
        return read(batch, entity, null).rows();
    }

    /** What reading one entity did: rows staged, how it was read, and its new watermark (null without one). */
    private record EntityRead(long rows, ReadKind kind, Watermark watermark) {}

    private EntityRead read(Batch batch, SourceEntity entity, Watermark previous) {
        long start = System.nanoTime();
        String path = BatchLayout.rowsFile(entity.name());
        EntityRead read;
        try (Connection connection = dataSource.getConnection()) {
            read = inReadTransaction(connection, () -> stream(connection, batch, entity, path, previous));
        } catch (SQLException e) {
            throw secrets.failure(
                    "Entity " + entity.name() + ": reading from the source failed: " + e.getMessage() + " [SQLState "
                            + e.getSQLState() + "]. Check the entity's " + (entity.readsTable() ? "table" : "query")
                            + " and that the source database is reachable",
                    e);
        } catch (ExtractException e) {
            // Built deeper down from driver messages (a failed fetch, an unreadable value): scrubbed here, once.
            throw secrets.scrubbed(e);
        } catch (StagingException e) {
            throw e;
        } catch (RuntimeException e) {
            // Some drivers throw unchecked exceptions; their messages may quote the URL as well.
            throw secrets.failure(
                    "Entity " + entity.name() + ": reading from the source failed: " + e + ". Check the entity's "
                            + (entity.readsTable() ? "table" : "query") + " and that the source database is reachable",
                    e);
        }
        LOG.info(
                "Extracted {} rows of {} ({} read{}) into {} in {} ms",
                read.rows(),
                entity.name(),
                read.kind() == ReadKind.FULL ? "full" : "incremental",
                read.watermark() == null ? "" : ", watermark now " + read.watermark(),
                path,
                (System.nanoTime() - start) / 1_000_000);
        return read;
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs the read inside a transaction: PostgreSQL streams with a cursor only when auto-commit is off, and a
     * read-only pool then makes it a read-only transaction. The connection goes back to the pool as it came. When the
     * read fails, failures to roll back or restore auto-commit (a broken connection fails all three) are added to
     * the read's error rather than replacing it.
     */
    private static <T> T inReadTransaction(Connection connection, SqlWork<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        T result;
        try {
            result = work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
                if (autoCommit) {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
        if (autoCommit) {
            connection.setAutoCommit(true);
        }
        return result;
    }

    private EntityRead stream(Connection connection, Batch batch, SourceEntity entity, String path, Watermark previous)
            throws SQLException {
        if (entity.changeTracking()) {
            ChangeTrackingRead changes = ChangeTrackingRead.plan(connection, entity, previous);
            long rows = stage(connection, batch, entity, path, changes.sql(), changes::bind, null);
            return new EntityRead(rows, changes.kind(), changes.version());
        }
        String query =
                entity.readsTable() ? TableQueries.selectAll(entity.table(), connection.getMetaData()) : entity.query();
        Watermark from = usableWatermark(connection, query, entity, previous);
        // On SQL Server a rowversion watermark stays below MIN_ACTIVE_ROWVERSION(), read before the rows: a row of a
        // transaction still open has a lower rowversion than rows committed after it, and must not fall below.
        byte[] ceiling = entity.hasWatermark() ? RowversionCeiling.read(connection, query, entity) : null;
        String sql = from == null
                ? query
                : ceiling == null
                        ? WatermarkQueries.above(query, entity.watermarkColumn(), connection)
                        : WatermarkQueries.between(query, entity.watermarkColumn(), connection);
        StatementBinder binder = statement -> {
            if (from != null) {
                WatermarkQueries.bind(statement, 1, from);
                if (ceiling != null) {
                    statement.setBytes(2, ceiling);
                }
            }
        };
        WatermarkTracker[] tracker = new WatermarkTracker[1];
        long rows = stage(connection, batch, entity, path, sql, binder, columns -> {
            tracker[0] = entity.hasWatermark() ? columns.watermarkTracker(from, ceiling) : null;
            return tracker[0];
        });
        if (tracker[0] != null && tracker[0].aheadMessage() != null) {
            LOG.warn("Entity {}: {}", entity.name(), tracker[0].aheadMessage());
        }
        return new EntityRead(
                rows,
                from == null ? ReadKind.FULL : ReadKind.INCREMENTAL,
                tracker[0] == null ? null : tracker[0].watermark());
    }

    private interface StatementBinder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface TrackerFactory {
        WatermarkTracker of(ResultColumns columns);
    }

    /** Runs {@code sql} and streams its rows into the entity's rows file; returns the rows staged. */
    private long stage(
            Connection connection,
            Batch batch,
            SourceEntity entity,
            String path,
            String sql,
            StatementBinder binder,
            TrackerFactory trackers)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(fetchSize);
            statement.setMaxRows(rowLimit);
            binder.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                ResultColumns columns = ResultColumns.of(entity, rs.getMetaData());
                StagedSchema schema = new StagedSchema(entity.name(), entity.keyColumns(), columns.staged());
                WatermarkTracker tracker = trackers == null ? null : trackers.of(columns);
                return StagedRowsFile.write(
                        batch, path, schema, columns, rs, tracker == null ? values -> {} : tracker::accept);
            }
        }
    }

    /**
     * The previous watermark when it still fits the entity's configuration (same column, same type as the column
     * has now) and does not lie beyond the {@link WatermarkHorizon}, or null for a full read, logging why a kept
     * watermark is not used.
     */
    private static Watermark usableWatermark(
            Connection connection, String query, SourceEntity entity, Watermark previous) throws SQLException {
        if (previous == null) {
            return null;
        }
        if (!entity.hasWatermark()) {
            LOG.info(
                    "Entity {} has no watermark column any more (kept: {}); reading it whole",
                    entity.name(),
                    previous.column());
            return null;
        }
        if (!previous.isFor(entity.watermarkColumn())) {
            LOG.info(
                    "Entity {}: the watermark column changed from {} to {}; ignoring the kept watermark and"
                            + " reading it whole",
                    entity.name(),
                    previous.column(),
                    entity.watermarkColumn());
            return null;
        }
        Optional<ValueType> type = WatermarkQueries.currentType(connection, query, entity);
        if (type.isEmpty()) {
            // The full read fails with a message naming the missing column.
            return null;
        }
        if (type.get() != previous.type()) {
            LOG.info(
                    "Entity {}: watermark column {} is now {} but the kept watermark is {}; ignoring it and reading"
                            + " the entity whole",
                    entity.name(),
                    entity.watermarkColumn(),
                    type.get(),
                    previous.type());
            return null;
        }
        WatermarkHorizon horizon = WatermarkHorizon.fromNow();
        if (horizon.isBeyond(previous.type(), previous.value())) {
            // Kept before values beyond the horizon were held back, or while the clock was wrong.
            LOG.warn(
                    "Entity {}: the kept watermark {} lies beyond {} (a day from now), so changes since, stamped with"
                            + " the real time, would fall below it; ignoring it and reading the entity whole",
                    entity.name(),
                    previous.valueText(),
                    horizon.text(previous.type()));
            return null;
        }
        return previous;
    }

    private static void checkDistinctNames(List<SourceEntity> entities) {
        Map<String, String> seen = new HashMap<>();
        for (SourceEntity entity : entities) {
            // Case-insensitive: rows/Equipment.ndjson and rows/equipment.ndjson collide on some file systems.
            String earlier = seen.putIfAbsent(entity.name().toLowerCase(Locale.ROOT), entity.name());
            if (earlier != null) {
                throw new ExtractException("Entities " + earlier + " and " + entity.name()
                        + " would write the same file " + BatchLayout.rowsFile(entity.name())
                        + "; give each entity a distinct name (names are compared ignoring case)");
            }
        }
    }
}
