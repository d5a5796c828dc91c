package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.source.SourceDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code twinsync sample-erp sql "<statement>"}: changes or queries the embedded sample ERP. */
@Component
@Scope("prototype")
@Command(
        name = "sample-erp",
        mixinStandardHelpOptions = true,
        description = "Works with the embedded sample ERP (an H2 database in SQL Server mode under TWINSYNC_HOME).",
        subcommands = SampleErpCommand.Sql.class)
public class SampleErpCommand {

    /** {@code sql}: runs one statement and prints its rows or its update count. */
    @Component
    @Scope("prototype")
    @Command(
            name = "sql",
            mixinStandardHelpOptions = true,
            description = "Runs one SQL statement against the sample ERP, e.g. an UPDATE to see the next run patch"
                    + " exactly the twins it changed.")
    public static class Sql implements Callable<Integer> {

        private static final int MAX_ROWS_SHOWN = 100;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<statement>", description = "One SQL statement, quoted.")
        String statement;

        private final SourceDatabase source;
        private final TwinsyncProperties properties;

        public Sql(SourceDatabase source, TwinsyncProperties properties) {
            this.source = source;
            this.properties = properties;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (!properties.source().embedded()) {
                spec.commandLine()
                        .getErr()
                        .println("sample-erp works on the embedded sample ERP only, but twinsync.source.url points"
                                + " at another database; unset it (or TWINSYNC_SOURCE_URL) to use the sample.");
                return ExitCode.FAILED.code();
            }
            try (Connection connection = source.dataSource().getConnection();
                    Statement sql = connection.createStatement()) {
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
                if (sql.execute(statement)) {
                    try (ResultSet rows = sql.getResultSet()) {
                        printRows(rows, out);
                    }
                } else {
                    int count = sql.getUpdateCount();
                    out.printf("%d row%s changed.%n", count, count == 1 ? "" : "s");
                }
            } catch (SQLException e) {
                spec.commandLine().getErr().printf("The sample ERP refused the statement: %s%n", e.getMessage());
                return ExitCode.FAILED.code();
            }
            out.flush();
            return ExitCode.OK.code();
        }

        private static void printRows(ResultSet rows, PrintWriter out) throws SQLException {
            ResultSetMetaData meta = rows.getMetaData();
            int columns = meta.getColumnCount();
            List<String[]> table = new ArrayList<>();
            String[] header = new String[columns];
            for (int i = 0; i < columns; i++) {
                header[i] = meta.getColumnLabel(i + 1);
            }
            table.add(header);
            int total = 0;
            while (rows.next()) {
                total++;
                if (total > MAX_ROWS_SHOWN) {
                    continue;
                }
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = String.valueOf(rows.getObject(i + 1));
                }
                table.add(row);
            }
            int[] widths = new int[columns];
            for (String[] row : table) {
                for (int i = 0; i < columns; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            for (String[] row : table) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    line.append(String.format("%-" + widths[i] + "s", row[i]));
                    line.append(i + 1 < columns ? "  " : "");
                }
                out.println(line.toString().stripTrailing());
            }
            out.printf(
                    "(%d row%s%s)%n",
                    total, total == 1 ? "" : "s", total > MAX_ROWS_SHOWN ? ", first " + MAX_ROWS_SHOWN + " shown" : "");
        }
    }
}
