/**
 * Stages rows that a Data Factory Copy activity copied into the staging area ({@code incoming/{runId}/{entity}.json},
 * JSON lines), instead of reading them by JDBC: {@code twinsync run --rows-from}. See {@link
 * io.twinsync.extract.copied.CopiedRowsIngest}.
 */
package io.twinsync.extract.copied;
