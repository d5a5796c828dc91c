/** Applies a batch's twin files to Azure Digital Twins: {@link io.twinsync.writer.TwinWriter} is the entry point. */
package io.twinsync.writer;
