package io.twinsync.writer.apply;

import io.twinsync.staging.twin.TwinFile;
import io.twinsync.writer.report.ItemResult;

/**
 * What phase 1 did with one twin file, carried into phase 2 and the known state.
 *
 * @param path the twin file's path in the batch
 * @param file the twin file, or null when it could not be read
 * @param result the twin's result line
 * @param alreadyApplied true when the known state said this exact file was applied before, so nothing was sent
 * @param etag the twin's ETag after phase 1, when known
 */
public record TwinOutcome(String path, TwinFile file, ItemResult result, boolean alreadyApplied, String etag) {}
