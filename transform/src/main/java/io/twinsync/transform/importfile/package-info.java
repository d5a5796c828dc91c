/** Writes a batch as one ADT Import Jobs file (NDJSON: header, models, twins, relationships) for bulk first loads. */
package io.twinsync.transform.importfile;
