package io.twinsync.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.sample.erp.SampleErp;
import io.twinsync.sample.erp.SqlDialect;
import io.twinsync.staging.json.StagingJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stands in for Data Factory's Copy activities in tests: a sample ERP of its own (an in-memory H2 database), each
 * query of a copy plan run on it and its rows written as a Copy activity with a JSON sink writes them ({@code
 * filePattern setOfObjects}: one object per line, the query's column labels as names). The value forms are the ones
 * {@code CopiedValueKind} assumes, not taken from a real factory: datetime as ISO text without zone, date as a
 * midnight date-time, decimals and integers as numbers, bit as booleans, binary as base64, and a NULL left out.
 */
final class CopyActivitySink implements AutoCloseable {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private final Connection erp;

    private CopyActivitySink(Connection erp) {
        this.erp = erp;
    }

    /** A new sample ERP, as {@code twinsync run} creates its embedded one. */
    static CopyActivitySink ofNewSampleErp(String name) {
        try {
            Connection erp = DriverManager.getConnection("jdbc:h2:mem:" + name
                    + ";DB_CLOSE_DELAY=-1;MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
            SampleErp.create(erp, SqlDialect.H2);
            return new CopyActivitySink(erp);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the sample ERP: " + e.getMessage(), e);
        }
    }

    /** Changes the ERP, as a user would between two copies. */
    void sql(String statement) {
        try (Statement sql = erp.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs each entity's Copy activity of a plan ({@code twinsync copy-plan}'s {@code entities}: name, query,
     * fileName) into {@code folder}; returns the rows copied per entity.
     */
    Map<String, Long> copyAll(Path folder, JsonNode entities) {
        Map<String, Long> rows = new LinkedHashMap<>();
        entities.forEach(entity -> {
            String lines = lines(entity.path("query").asText());
            write(folder.resolve(entity.path("fileName").asText()), lines);
            rows.put(
                    entity.path("name").asText(),
                    lines.chars().filter(c -> c == '\n').count());
        });
        return rows;
    }

    /** What a Copy activity with a JSON sink writes for {@code query}: one object per row, one row per line. */
    String lines(String query) {
        StringBuilder lines = new StringBuilder();
        try (Statement statement = erp.createStatement();
                ResultSet rs = statement.executeQuery(query)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                ObjectNode object = StagingJson.mapper().createObjectNode();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    put(object, meta.getColumnLabel(i), rs.getObject(i));
                }
                lines.append(object).append('\n');
            }
            return lines.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ObjectNode object, String name, Object value) {
        if (value == null) {
            return; // left out, as a JSON sink may write a NULL
        }
        if (value instanceof Boolean b) {
            object.put(name, b);
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            object.put(name, ((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            object.put(name, d);
        } else if (value instanceof Double || value instanceof Float) {
            object.put(name, ((Number) value).doubleValue());
        } else if (value instanceof Timestamp t) {
            object.put(name, DATE_TIME.format(t.toLocalDateTime()));
        } else if (value instanceof java.sql.Date d) {
            object.put(name, DATE_TIME.format(d.toLocalDate().atStartOfDay()));
        } else if (value instanceof LocalDateTime t) {
            object.put(name, DATE_TIME.format(t));
        } else if (value instanceof LocalDate d) {
            object.put(name, DATE_TIME.format(d.atStartOfDay()));
        } else if (value instanceof OffsetDateTime t) {
            object.put(name, t.toString());
        } else if (value instanceof byte[] bytes) {
            object.put(name, Base64.getEncoder().encodeToString(bytes));
        } else {
            object.put(name, value.toString());
        }
    }

    @Override
    public void close() throws SQLException {
        erp.close();
    }
}
