/**
 * Staged rows: the file format between extract and transform.
 *
 * <p>{@code rows/{entity}.ndjson} is UTF-8 NDJSON. The first line is a header object
 * ({@code {"format":"twinsync.rows/1","entity":..,"key":[..],"columns":[{"name":..,"type":..}]}}); every further line
 * is a JSON array of the row's values in column order. Values keep their source type (see {@link
 * io.twinsync.staging.rows.ValueType}); SQL NULL is JSON null. The file streams in both directions.
 */
package io.twinsync.staging.rows;
