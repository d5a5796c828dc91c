/** What the writer did per twin and relationship: result lines in {@code results/{partition}.ndjson} and counts. */
package io.twinsync.writer.report;
