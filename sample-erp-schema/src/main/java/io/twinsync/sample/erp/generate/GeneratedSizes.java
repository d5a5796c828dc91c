package io.twinsync.sample.erp.generate;

/**
 * How many rows of each table a generated sample ERP of {@code rows} rows has: the seed's mix (12 cost centres, and
 * sites, buildings, production lines and equipment as 3 : 8 : 24 : 300), so that {@code rows = 347} is the seed's
 * size, with every site holding a building, every building a line.
 */
public record GeneratedSizes(int costCenters, int sites, int buildings, int lines, int equipment) {

    /** The fewest rows a generated ERP has: the cost centres, and one row of each other table. */
    public static final int MINIMUM_ROWS = 16;

    /** The most, so that every key fits the tables' INT columns with room to spare. */
    public static final int MAXIMUM_ROWS = 100_000_000;

    public static GeneratedSizes of(long rows) {
        if (rows < MINIMUM_ROWS || rows > MAXIMUM_ROWS) {
            throw new IllegalArgumentException(
                    "--rows takes a number from " + MINIMUM_ROWS + " to " + MAXIMUM_ROWS + "; got " + rows);
        }
        long rest = rows - 12;
        int sites = (int) Math.max(1, Math.round(rest * 3.0 / 335));
        int buildings = (int) Math.max(sites, Math.round(rest * 8.0 / 335));
        int lines = (int) Math.max(buildings, Math.round(rest * 24.0 / 335));
        int equipment = (int) (rest - sites - buildings - lines);
        return new GeneratedSizes(12, sites, buildings, lines, Math.max(1, equipment));
    }

    public long total() {
        return (long) costCenters + sites + buildings + lines + equipment;
    }
}
