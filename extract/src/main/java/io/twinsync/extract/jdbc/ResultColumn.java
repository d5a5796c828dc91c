package io.twinsync.extract.jdbc;

import io.twinsync.staging.rows.StagedColumn;

/**
 * One column of a query result, as it will be staged.
 *
 * @param staged the staged name and type
 * @param sqlType the database's name for the type, for messages
 * @param reader how to read a value
 */
record ResultColumn(StagedColumn staged, String sqlType, ValueReader reader) {}
