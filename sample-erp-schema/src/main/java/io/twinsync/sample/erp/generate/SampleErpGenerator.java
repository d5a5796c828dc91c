package io.twinsync.sample.erp.generate;

import io.twinsync.sample.erp.SampleErp;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.LongConsumer;

/**
 * Fills the sample ERP's five tables with a generated data set of any size: the seed's entity mix
 * ({@link GeneratedSizes}), its foreign keys (every building on a site, line in a building, most equipment on a line
 * and charged to a cost centre), and the seed's distributions (categories, statuses, makes, nulls; see
 * scripts/generate-sample-erp-seed.py). The same seed and size give the same rows, value for value.
 *
 * <p>The rows already in the tables are deleted first, children before parents. Rows are inserted by JDBC batches,
 * committed every {@value #COMMIT_EVERY} rows, so any of the sample ERP's databases (H2, PostgreSQL, SQL Server) takes
 * them as they are.
 */
public final class SampleErpGenerator {

    /** The seed when none is given: the seed script's. */
    public static final long DEFAULT_SEED = 20250115L;

    private static final int BATCH = 1_000;
    private static final int COMMIT_EVERY = 20_000;

    /** Every row's ModifiedAt: fixed, so that the same seed gives the same data. */
    private static final LocalDateTime MODIFIED_AT = LocalDateTime.of(2025, 1, 15, 8, 0);

    private static final String[][] COST_CENTERS = {
        {"1", "CC-100", "Production", null, "18500000.00"},
        {"2", "CC-200", "Maintenance", null, "6200000.00"},
        {"3", "CC-300", "Support Services", null, null},
        {"4", "CC-110", "Production Rotterdam", "1", "7200000.00"},
        {"5", "CC-120", "Production Göteborg", "1", "6100000.00"},
        {"6", "CC-130", "Production Monterrey", "1", "5200000.00"},
        {"7", "CC-210", "Mechanical Maintenance", "2", "2400000.00"},
        {"8", "CC-220", "Electrical & Automation", "2", "2100000.00"},
        {"9", "CC-230", "Reliability Engineering", "2", "950000.00"},
        {"10", "CC-310", "Utilities", "3", "1800000.00"},
        {"11", "CC-320", "Quality Control", "3", "755000.00"},
        {"12", "CC-330", "Warehouse & Stores", "3", null}
    };

    /** City, country, latitude, longitude (micro-degrees), time zone. */
    private static final Object[][] CITIES = {
        {"Rotterdam", "NL", 51_885_190, 4_286_130, "Europe/Amsterdam"},
        {"Göteborg", "SE", 57_718_890, 11_937_220, "Europe/Stockholm"},
        {"Apodaca", "MX", 25_781_520, -100_188_540, "America/Monterrey"},
        {"Duisburg", "DE", 51_434_410, 6_762_330, "Europe/Berlin"},
        {"Lyon", "FR", 45_764_040, 4_835_660, "Europe/Paris"},
        {"Gliwice", "PL", 50_294_490, 18_671_380, "Europe/Warsaw"},
        {"Pune", "IN", 18_520_430, 73_856_740, "Asia/Kolkata"},
        {"Suzhou", "CN", 31_298_970, 120_585_290, "Asia/Shanghai"},
        {"Greenville", "US", 34_852_620, -82_394_010, "America/New_York"},
        {"Curitiba", "BR", -25_428_950, -49_273_250, "America/Sao_Paulo"}
    };

    private static final String[] CERTIFICATIONS = {
        "[\"ISO 9001\", \"ISO 14001\", \"ISO 45001\"]", "[\"ISO 9001\"]", "[\"ISO 9001\", \"ISO 50001\"]", null
    };

    private static final String[] HALLS = {
        "Assembly Hall",
        "Machining Hall",
        "Packaging Hall",
        "Press Shop",
        "Body Shop",
        "Paint Shop",
        "Final Assembly",
        "Component Plant"
    };

    /** Line name, product (null: none). */
    private static final String[][] LINES = {
        {"Pump Assembly", "Centrifugal pump units"},
        {"Motor Wiring", "Motor sub-assemblies"},
        {"Housing Machining", "Pump housings"},
        {"Shaft Turning", "Drive shafts"},
        {"Carton Packing", null},
        {"Tandem Press Line", "Door panels"},
        {"Underbody Welding", "Underbody assemblies"},
        {"Primer Booth", "Primed bodies"},
        {"End-of-Line Test", "Tested skids"},
        {"Cable Harness", "Cable harnesses"}
    };

    private static final String[] STATUSES =
            weighted(new Object[][] {{"Running", 80}, {"Idle", 8}, {"Maintenance", 9}, {"Decommissioned", 3}});

    private static final Category[] CATEGORIES;

    static {
        Category[] all = {
            new Category(
                    "Pump",
                    "PMP",
                    15,
                    150,
                    9_000,
                    new String[] {"Centrifugal Pump", "Dosing Pump", "Vacuum Pump", "Coolant Pump"},
                    new String[][] {
                        {"Grundfos", "CR 32-2"},
                        {"KSB", "Etanorm 065-040-250"},
                        {"Sulzer", "AHLSTAR A21-50"},
                        {"Flowserve", "Durco Mark 3"}
                    }),
            new Category(
                    "Motor",
                    "MTR",
                    22,
                    75,
                    25_000,
                    new String[] {"Drive Motor", "Fan Motor", "Spindle Motor", "Gear Motor"},
                    new String[][] {
                        {"Siemens", "1LE1003-1DB23"},
                        {"ABB", "M3BP 160MLA 4"},
                        {"WEG", "W22 132S"},
                        {"Nidec", "Leroy-Somer LSES 100"}
                    }),
            new Category(
                    "Conveyor",
                    "CNV",
                    14,
                    55,
                    1_500,
                    new String[] {"Belt Conveyor", "Roller Conveyor", "Chain Conveyor"},
                    new String[][] {{"Interroll", "RM 8310"}, {"Dorner", "3200 Series"}, {"Hytrol", "E24EZ"}}),
            new Category(
                    "Robot",
                    "RBT",
                    10,
                    200,
                    1_200,
                    new String[] {"Welding Robot", "Palletizing Robot", "Painting Robot"},
                    new String[][] {{"FANUC", "R-2000iC/165F"}, {"KUKA", "KR 210 R2700-2"}, {"ABB", "IRB 6700"}}),
            new Category(
                    "Press", "PRS", 7, 1_500, 40_000, new String[] {"Hydraulic Press", "Servo Press"}, new String[][] {
                        {"Schuler", "MSD 400"}, {"AIDA", "NC1-200"}
                    }),
            new Category(
                    "Sensor",
                    "SNS",
                    22,
                    0,
                    0,
                    new String[] {"Temperature Sensor", "Vibration Sensor", "Pressure Transmitter", "Flow Meter"},
                    new String[][] {{"Endress+Hauser", "Promag 10W"}, {"SICK", "IME12-04BPSZC0S"}, {"ifm", "VVB001"}}),
            new Category(
                    "Compressor",
                    "CMP",
                    10,
                    1_100,
                    16_000,
                    new String[] {"Screw Compressor", "Scroll Compressor"},
                    new String[][] {{"Atlas Copco", "GA 37 VSD+"}, {"Kaeser", "ASD 40"}})
        };
        int total = 0;
        for (Category category : all) {
            total += category.weight;
        }
        CATEGORIES = new Category[total];
        int i = 0;
        for (Category category : all) {
            for (int w = 0; w < category.weight; w++) {
                CATEGORIES[i++] = category;
            }
        }
    }

    private final GeneratedSizes sizes;
    private final long seed;

    public SampleErpGenerator(GeneratedSizes sizes, long seed) {
        this.sizes = sizes;
        this.seed = seed;
    }

    /**
     * Deletes every row of the five tables and inserts the generated ones.
     *
     * @param progress told the number of rows inserted so far, after each commit
     * @return the rows that were in the tables before (0 for an empty sample ERP)
     */
    public long fill(Connection connection, LongConsumer progress) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            long before = deleteAll(connection);
            Inserted inserted = new Inserted(connection, progress);
            costCenters(connection, inserted);
            sites(connection, inserted);
            buildings(connection, inserted);
            lines(connection, inserted);
            equipment(connection, inserted);
            connection.commit();
            inserted.report();
            return before;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static long deleteAll(Connection connection) throws SQLException {
        long rows = 0;
        try (Statement sql = connection.createStatement()) {
            for (int i = SampleErp.TABLES.size() - 1; i >= 0; i--) {
                String table = SampleErp.TABLES.get(i);
                if (table.equals("CostCenter")) {
                    // its parent key points into the same table: children first
                    rows += sql.executeUpdate("DELETE FROM CostCenter WHERE ParentCostCenterId IS NOT NULL");
                }
                rows += sql.executeUpdate("DELETE FROM " + table);
            }
        }
        connection.commit();
        return rows;
    }

    private void costCenters(Connection connection, Inserted inserted) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO CostCenter (CostCenterId, Code, Name,"
                + " ParentCostCenterId, Budget, ModifiedAt) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (String[] row : COST_CENTERS) {
                insert.setInt(1, Integer.parseInt(row[0]));
                insert.setString(2, row[1]);
                insert.setString(3, row[2]);
                setInt(insert, 4, row[3] == null ? null : Integer.valueOf(row[3]));
                insert.setBigDecimal(5, row[4] == null ? null : new BigDecimal(row[4]));
                insert.setTimestamp(6, Timestamp.valueOf(MODIFIED_AT));
                inserted.add(insert);
            }
            inserted.flush(insert);
        }
    }

    private void sites(Connection connection, Inserted inserted) throws SQLException {
        SplitMix64 rng = new SplitMix64(seed * 31 + 1);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO Site (SiteId, SiteCode, Name, City,"
                + " CountryCode, Latitude, Longitude, TimeZone, Certifications, ModifiedAt)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= sizes.sites(); id++) {
                Object[] city = rng.pick(CITIES);
                insert.setInt(1, id);
                insert.setString(2, String.format("ST-%06d", id));
                insert.setString(3, city[0] + " Plant " + id);
                insert.setString(4, (String) city[0]);
                insert.setString(5, (String) city[1]);
                // within about 20 km of the city
                insert.setBigDecimal(6, BigDecimal.valueOf((int) city[2] + rng.between(-200_000, 200_000), 6));
                insert.setBigDecimal(7, BigDecimal.valueOf((int) city[3] + rng.between(-200_000, 200_000), 6));
                insert.setString(8, rng.percent(5) ? null : (String) city[4]);
                insert.setString(9, rng.pick(CERTIFICATIONS));
                insert.setTimestamp(10, Timestamp.valueOf(MODIFIED_AT));
                inserted.add(insert);
            }
            inserted.flush(insert);
        }
    }

    private void buildings(Connection connection, Inserted inserted) throws SQLException {
        SplitMix64 rng = new SplitMix64(seed * 31 + 2);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO Building (BuildingId, BuildingCode,"
                + " SiteId, Name, FloorCount, GrossAreaM2, YearBuilt, ModifiedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= sizes.buildings(); id++) {
                insert.setInt(1, id);
                insert.setString(2, String.format("B-%07d", id));
                insert.setInt(3, spread(id, sizes.buildings(), sizes.sites()));
                insert.setString(4, rng.pick(HALLS) + " " + (1 + rng.below(4)));
                setInt(insert, 5, rng.percent(5) ? null : rng.between(1, 4));
                insert.setBigDecimal(6, rng.percent(8) ? null : BigDecimal.valueOf(rng.between(20_000, 2_500_000), 2));
                setInt(insert, 7, rng.percent(10) ? null : rng.between(1965, 2024));
                insert.setTimestamp(8, Timestamp.valueOf(MODIFIED_AT));
                inserted.add(insert);
            }
            inserted.flush(insert);
        }
    }

    private void lines(Connection connection, Inserted inserted) throws SQLException {
        SplitMix64 rng = new SplitMix64(seed * 31 + 3);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ProductionLine (LineId, LineCode,"
                + " BuildingId, Name, Product, DesignRatePerHour, CommissionedOn, ModifiedAt)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= sizes.lines(); id++) {
                String[] line = rng.pick(LINES);
                insert.setInt(1, id);
                insert.setString(2, String.format("PL-%07d", id));
                insert.setInt(3, spread(id, sizes.lines(), sizes.buildings()));
                insert.setString(4, line[0] + " " + (1 + rng.below(3)));
                insert.setString(5, line[1]);
                insert.setBigDecimal(
                        6, rng.percent(10) ? null : BigDecimal.valueOf(rng.between(100_000, 9_000_000), 2));
                insert.setObject(
                        7, rng.percent(12) ? null : LocalDate.of(2008, 1, 1).plusDays(rng.below(6_200)), Types.DATE);
                insert.setTimestamp(8, Timestamp.valueOf(MODIFIED_AT));
                inserted.add(insert);
            }
            inserted.flush(insert);
        }
    }

    private void equipment(Connection connection, Inserted inserted) throws SQLException {
        SplitMix64 rng = new SplitMix64(seed * 31 + 4);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO Equipment (EquipmentId, AssetTag,"
                + " LineId, CostCenterId, Name, Category, Manufacturer, ModelNumber, SerialNumber, Status, IsCritical,"
                + " RatedPowerKw, InstalledOn, LastServiceAt, ModifiedAt, IsDeleted)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= sizes.equipment(); id++) {
                Category category = rng.pick(CATEGORIES);
                boolean spare = rng.percent(7);
                Integer line = spare ? null : 1 + rng.below(sizes.lines());
                String kind = rng.pick(category.kinds);
                String[] make = rng.percent(5) ? null : rng.pick(category.makes);
                insert.setInt(1, id);
                insert.setString(2, String.format("%s-%08d", category.prefix, id));
                setInt(insert, 3, line);
                setInt(insert, 4, costCenter(rng, category, spare, line));
                insert.setString(5, spare ? "Spare " + kind : kind + " " + id);
                insert.setString(6, category.name);
                insert.setString(7, make == null ? null : make[0]);
                insert.setString(8, make == null || rng.percent(4) ? null : make[1]);
                insert.setString(
                        9,
                        rng.percent(8) ? null : category.prefix.charAt(0) + "" + rng.between(10_000_000, 99_999_999));
                insert.setString(10, spare ? (rng.percent(10) ? "Decommissioned" : "Idle") : rng.pick(STATUSES));
                insert.setBoolean(
                        11,
                        (category.name.equals("Press") || category.name.equals("Compressor")) && rng.percent(60)
                                || rng.percent(12));
                insert.setBigDecimal(
                        12,
                        category.powerFrom == 0 || rng.percent(6)
                                ? null
                                : BigDecimal.valueOf(rng.between(category.powerFrom, category.powerTo), 2));
                insert.setObject(
                        13, rng.percent(7) ? null : LocalDate.of(2009, 1, 1).plusDays(rng.below(5_478)), Types.DATE);
                insert.setTimestamp(
                        14,
                        rng.percent(12)
                                ? null
                                : Timestamp.valueOf(LocalDateTime.of(2024, 1, 2, 6, 0)
                                        .plusDays(rng.below(376))
                                        .plusMinutes(15L * rng.below(48))));
                insert.setTimestamp(15, Timestamp.valueOf(MODIFIED_AT));
                insert.setBoolean(16, false);
                inserted.add(insert);
            }
            inserted.flush(insert);
        }
    }

    /** The seed's rules: spares to stores, some robots and sensors to automation, pumps to utilities, else the site's. */
    private Integer costCenter(SplitMix64 rng, Category category, boolean spare, Integer line) {
        if (rng.percent(6)) {
            return null;
        }
        if (spare) {
            return 12;
        }
        if ((category.name.equals("Robot") || category.name.equals("Sensor")) && rng.percent(30)) {
            return 8;
        }
        if ((category.name.equals("Compressor") || category.name.equals("Pump")) && rng.percent(30)) {
            return 10;
        }
        // the production cost centre of the line's site: three of them, taken in turn
        int building = spread(line, sizes.lines(), sizes.buildings());
        int site = spread(building, sizes.buildings(), sizes.sites());
        return 4 + (site - 1) % 3;
    }

    /** The parent of child {@code id} of {@code children}, spread evenly over {@code parents}: each gets some. */
    private static int spread(int id, int children, int parents) {
        return (int) ((long) (id - 1) * parents / children) + 1;
    }

    private static void setInt(PreparedStatement insert, int index, Integer value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.INTEGER);
        } else {
            insert.setInt(index, value);
        }
    }

    private static String[] weighted(Object[][] pairs) {
        int total = 0;
        for (Object[] pair : pairs) {
            total += (int) pair[1];
        }
        String[] out = new String[total];
        int i = 0;
        for (Object[] pair : pairs) {
            for (int w = 0; w < (int) pair[1]; w++) {
                out[i++] = (String) pair[0];
            }
        }
        return out;
    }

    private record Category(
            String name, String prefix, int weight, int powerFrom, int powerTo, String[] kinds, String[][] makes) {}

    /** Counts rows, runs each batch and commits every {@value #COMMIT_EVERY}, telling progress. */
    private static final class Inserted {
        private final Connection connection;
        private final LongConsumer progress;
        private long rows;
        private long reported;
        private long committed;
        private int pending;

        Inserted(Connection connection, LongConsumer progress) {
            this.connection = connection;
            this.progress = progress;
        }

        void add(PreparedStatement insert) throws SQLException {
            insert.addBatch();
            rows++;
            if (++pending == BATCH) {
                flush(insert);
            }
        }

        void flush(PreparedStatement insert) throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
            if (rows >= committed + COMMIT_EVERY) {
                connection.commit();
                committed = rows;
                report();
            }
        }

        void report() {
            if (rows != reported) {
                reported = rows;
                progress.accept(rows);
            }
        }
    }
}
