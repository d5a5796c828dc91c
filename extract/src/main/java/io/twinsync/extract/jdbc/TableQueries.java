package io.twinsync.extract.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds {@code SELECT * FROM table} for an entity that names a table. The name was validated by {@link
 * io.twinsync.extract.SourceEntity}; it is checked again here because this is where it meets SQL.
 *
 * <p>Each part is quoted, so a table called {@code Order} or {@code User} works, and is first folded the way the
 * database folds unquoted names (PostgreSQL to lower case, Oracle and default H2 to upper case, SQL Server not at
 * all). So {@code Equipment} means what it means in a hand-written query on every database.
 */
final class TableQueries {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private TableQueries() {}

    static String selectAll(String table, DatabaseMetaData meta) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM ");
        String[] parts = table.split("\\.", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("'" + table + "' is not a table name");
        }
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sql.append('.');
            }
            sql.append(quote(parts[i], meta));
        }
        return sql.toString();
    }

    /** Quotes one plain identifier for the database, folded as the database folds unquoted names. */
    static String quote(String identifier, DatabaseMetaData meta) throws SQLException {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("'" + identifier + "' is not a plain SQL identifier");
        }
        String folded = identifier;
        if (!meta.storesMixedCaseIdentifiers()) {
            if (meta.storesLowerCaseIdentifiers()) {
                folded = identifier.toLowerCase(Locale.ROOT);
            } else if (meta.storesUpperCaseIdentifiers()) {
                folded = identifier.toUpperCase(Locale.ROOT);
            }
        }
        if (meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sql server")) {
            // Brackets work whatever the session's QUOTED_IDENTIFIER setting.
            return "[" + folded + "]";
        }
        String quote = meta.getIdentifierQuoteString();
        if (quote == null || quote.isBlank()) {
            // The driver cannot quote; the identifier is plain letters, digits and underscores, so it is safe bare.
            return folded;
        }
        return quote + folded + quote;
    }
}
