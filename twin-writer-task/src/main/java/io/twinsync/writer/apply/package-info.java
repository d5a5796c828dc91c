/** Applies twin files to ADT: models first, then twins (create, patch, delete), then relationships. */
package io.twinsync.writer.apply;
