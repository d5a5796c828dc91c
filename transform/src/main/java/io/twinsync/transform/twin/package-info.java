/** Builds twin files from staged rows: ids, typed properties, relationships, and the rejects for rows that fail. */
package io.twinsync.transform.twin;
