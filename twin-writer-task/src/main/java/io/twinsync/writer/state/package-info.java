/** What the writer last wrote to a target (twin id, content hash, ETag), kept between batches to skip unchanged twins. */
package io.twinsync.writer.state;
