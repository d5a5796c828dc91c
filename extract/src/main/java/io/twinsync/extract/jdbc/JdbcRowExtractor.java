package io.twinsync.extract.jdbc;

import io.twinsync.extract.ExtractException;
import io.twinsync.extract.SourceEntity;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.manifest.ExtractSummary;
import io.twinsync.staging.rows.StagedSchema;
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

    /** Extracts every entity into the batch, in the given order, and returns the rows staged per entity. */
    public ExtractSummary extract(Batch batch, List<SourceEntity> entities) {
        checkDistinctNames(entities);
        Instant started = Instant.now();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (SourceEntity entity : entities) {
            rows.put(entity.name(), extract(batch, entity));
        }
        Instant finished = Instant.now();
        LOG.info(
                "Extracted {} entities, {} rows in total, into batch {} in {} ms",
                entities.size(),
                rows.values().stream().mapToLong(Long::longValue).sum(),
                batch.id(),
                finished.toEpochMilli() - started.toEpochMilli());
        return new ExtractSummary(started, finished, rows);
    }

    /**
     * Extracts one entity into {@code rows/{entity}.ndjson} and returns the number of rows staged.
     *
     * @throws ExtractException naming the entity; its message and causes never carry the source's credentials
     */
    public long extract(Batch batch, SourceEntity entity) {
        long start = System.nanoTime();
        String path = BatchLayout.rowsFile(entity.name());
        long rows;
        try (Connection connection = dataSource.getConnection()) {
            rows = inReadTransaction(connection, () -> stream(connection, batch, entity, path));
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
                "Extracted {} rows of {} into {} in {} ms",
                rows,
                entity.name(),
                path,
                (System.nanoTime() - start) / 1_000_000);
        return rows;
    }

    private interface SqlWork {
        long run() throws SQLException;
    }

    /**
     * Runs the read inside a transaction: PostgreSQL streams with a cursor only when auto-commit is off, and a
     * read-only pool then makes it a read-only transaction. The connection goes back to the pool as it came. When the
     * read fails, failures to roll back or restore auto-commit (a broken connection fails all three) are added to
     * the read's error rather than replacing it.
     */
    private static long inReadTransaction(Connection connection, SqlWork work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        long result;
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

    private long stream(Connection connection, Batch batch, SourceEntity entity, String path) throws SQLException {
        String sql =
                entity.readsTable() ? TableQueries.selectAll(entity.table(), connection.getMetaData()) : entity.query();
        try (PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(fetchSize);
            statement.setMaxRows(rowLimit);
            try (ResultSet rs = statement.executeQuery()) {
                ResultColumns columns = ResultColumns.of(entity, rs.getMetaData());
                StagedSchema schema = new StagedSchema(entity.name(), entity.keyColumns(), columns.staged());
                return StagedRowsFile.write(batch, path, schema, columns, rs);
            }
        }
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
