/** Drift detection: whether the graph still holds what twinsync last wrote, checked by query. */
package io.twinsync.writer.drift;
