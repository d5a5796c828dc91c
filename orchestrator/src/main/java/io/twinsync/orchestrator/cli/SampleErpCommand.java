package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.source.SourceDatabase;
import io.twinsync.sample.erp.SampleErp;
import io.twinsync.sample.erp.SampleErpException;
import io.twinsync.sample.erp.SqlDialect;
import io.twinsync.sample.erp.generate.GeneratedSizes;
import io.twinsync.sample.erp.generate.SampleErpGenerator;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code twinsync sample-erp sql "<statement>"}: changes or queries the embedded sample ERP. */
@Component
@Scope("prototype")
@Command(
        name = "sample-erp",
        mixinStandardHelpOptions = true,
        description = "Works with the embedded sample ERP (an H2 database in SQL Server mode under TWINSYNC_HOME).",
        subcommands = {SampleErpCommand.Sql.class, SampleErpCommand.Generate.class})
public class SampleErpCommand {

    /**
     * {@code generate --rows N}: fills the sample ERP, embedded or the configured source's sample tables, with a
     * generated data set of that size (same seed, same rows), for benchmarks and for trying twinsync at scale.
     */
    @Component
    @Scope("prototype")
    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = "Replaces the sample ERP's rows with a generated data set of N rows: the sample's mix of"
                    + " cost centres, sites, buildings, production lines and equipment, its foreign keys and value"
                    + " distributions. The same --rows and --seed give the same rows. Works on the embedded sample"
                    + " ERP, or on the sample tables in twinsync.source.url (PostgreSQL, SQL Server) with --replace.")
    public static class Generate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--rows", required = true, paramLabel = "N", description = "Rows in all (16 to 100,000,000).")
        long rows;

        @Option(
                names = "--seed",
                paramLabel = "S",
                description = "Seed of the generated values (default: ${DEFAULT-VALUE}).",
                defaultValue = "" + SampleErpGenerator.DEFAULT_SEED)
        long seed;

        @Option(
                names = "--replace",
                description = "Needed for a source other than the embedded sample ERP whose sample tables hold rows:"
                        + " every row of CostCenter, Site, Building, ProductionLine and Equipment is deleted first.")
        boolean replace;

        private final SourceDatabase source;
        private final TwinsyncProperties properties;

        public Generate(SourceDatabase source, TwinsyncProperties properties) {
            this.source = source;
            this.properties = properties;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            GeneratedSizes sizes;
            try {
                sizes = GeneratedSizes.of(rows);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            boolean embedded = properties.source().embedded();
            try (Connection connection = source.dataSource().getConnection()) {
                // twinsync's source connections are read-only: generate is the one command that writes the sample
                connection.setReadOnly(false);
                if (!embedded) {
                    try {
                        SampleErp.createIfMissing(
                                connection,
                                SqlDialect.fromJdbcUrl(properties.source().url()));
                    } catch (SampleErpException | IllegalArgumentException e) {
                        err.println(e.getMessage());
                        return ExitCode.FAILED.code();
                    }
                    long present = rowsIn(connection);
                    if (present > 0 && !replace) {
                        err.printf(
                                "The sample tables of %s hold %,d rows, and generate deletes every one of them first."
                                        + " Add --replace to go ahead.%n",
                                source.description(), present);
                        return ExitCode.FAILED.code();
                    }
                }
                long started = System.nanoTime();
                long before = new SampleErpGenerator(sizes, seed)
                        .fill(
                                connection,
                                done -> err.printf("sample-erp generate: %,d of %,d rows%n", done, sizes.total()));
                out.printf(
                        "Generated %,d rows in %s with seed %d: %,d cost centres, %,d sites, %,d buildings,"
                                + " %,d production lines, %,d equipment (%.1f s).%n",
                        sizes.total(),
                        source.description(),
                        seed,
                        sizes.costCenters(),
                        sizes.sites(),
                        sizes.buildings(),
                        sizes.lines(),
                        sizes.equipment(),
                        (System.nanoTime() - started) / 1e9);
                if (before > 0) {
                    out.printf(
                            "It replaced %,d rows. If twinsync synced them, make the next run 'twinsync run"
                                    + " --full-compare': rows that are gone are invisible to an incremental read, and"
                                    + " the full compare deletes their twins.%n",
                            before);
                }
            } catch (SQLException e) {
                err.printf(
                        "The sample ERP refused the generated rows: %s. Nothing was kept past the last commit; run"
                                + " generate again to start over.%n",
                        e.getMessage());
                return ExitCode.FAILED.code();
            }
            out.flush();
            return ExitCode.OK.code();
        }

        private static long rowsIn(Connection connection) throws SQLException {
            long rows = 0;
            try (Statement sql = connection.createStatement()) {
                for (String table : SampleErp.TABLES) {
                    try (ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        count.next();
                        rows += count.getLong(1);
                    }
                }
            }
            return rows;
        }
    }

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
