package io.twinsync.emulator.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * State kept beside the graph in the snapshot file under its own key (the event routes, for example), so that it
 * survives a save and load like twins do.
 */
public interface SnapshotSection {

    /** The key in the snapshot document, such as {@code eventRoutes}. */
    String name();

    /** The section's state now. */
    JsonNode export();

    /**
     * Replaces the section's state with a saved one; a missing node when the snapshot has no such section (it was
     * written before the section existed), which means empty.
     */
    void restore(JsonNode saved);
}
