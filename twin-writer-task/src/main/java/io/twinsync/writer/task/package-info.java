/** The command line that runs the writer as a task (Azure Batch, or by hand) over a local batch folder. */
package io.twinsync.writer.task;
