package io.twinsync.writer.drift;

import java.util.List;

/**
 * What a drift check found: the twins of the mapped models whose state in the graph is not what twinsync last left.
 *
 * @param models the models checked
 * @param twinsInGraph twins of those models the graph holds
 * @param twinsKnown twins of those models the known state records as written (not deleted)
 * @param changed twins whose ETag differs from the one twinsync's last write left: changed by someone else, or the
 *     graph lost twinsync's later writes
 * @param removed twins twinsync wrote that the graph no longer holds
 * @param reappeared twins twinsync deleted that the graph holds again
 * @param unknown twins of the mapped models that twinsync has no record of writing: made by others, or written by a
 *     run whose record was lost; a full compare deletes those that no row produces
 * @param queryPages query requests the check sent
 * @param queryUnits query units the service charged for them
 */
public record DriftReport(
        List<String> models,
        long twinsInGraph,
        long twinsKnown,
        List<String> changed,
        List<String> removed,
        List<String> reappeared,
        List<String> unknown,
        int queryPages,
        double queryUnits) {

    public DriftReport {
        models = List.copyOf(models);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        reappeared = List.copyOf(reappeared);
        unknown = List.copyOf(unknown);
    }

    /** True when the graph holds what twinsync last wrote, and nothing else of the mapped models. */
    public boolean clean() {
        return changed.isEmpty() && removed.isEmpty() && reappeared.isEmpty() && unknown.isEmpty();
    }

    public long drifted() {
        return (long) changed.size() + removed.size() + reappeared.size() + unknown.size();
    }
}
