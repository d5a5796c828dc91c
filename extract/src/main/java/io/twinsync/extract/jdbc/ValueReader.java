package io.twinsync.extract.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row as its staged Java type, or null for SQL NULL. */
@FunctionalInterface
interface ValueReader {

    Object read(ResultSet rs, int index) throws SQLException;
}
