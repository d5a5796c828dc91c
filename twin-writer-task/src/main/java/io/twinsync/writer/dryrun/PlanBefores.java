package io.twinsync.writer.dryrun;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.writer.apply.GraphSnapshot;
import io.twinsync.writer.apply.Versioned;
import io.twinsync.writer.state.KnownState;
import io.twinsync.writer.state.LastAppliedFiles;
import java.util.Optional;

/**
 * A planned patch's old values where the writer planned it without a read: a full compare's graph as queried, else
 * the file the writer last applied to the twin (the twin as that write left it, which is what the patch was planned
 * against).
 */
public final class PlanBefores implements PlanningGateway.Befores {

    private final KnownState known;
    private final LastAppliedFiles lastApplied;
    private final GraphSnapshot graph;

    /** @param graph a full compare's graph, or null */
    public PlanBefores(KnownState known, LastAppliedFiles lastApplied, GraphSnapshot graph) {
        this.known = known;
        this.lastApplied = lastApplied;
        this.graph = graph;
    }

    @Override
    public Optional<ObjectNode> twin(String twinId) {
        if (graph != null) {
            return graph.twin(twinId).map(Versioned::json);
        }
        return lastFile(twinId).map(TwinFile::twin);
    }

    @Override
    public Optional<ObjectNode> relationship(String sourceId, String relationshipId) {
        if (graph != null) {
            return Optional.ofNullable(graph.relationshipsOf(sourceId).get(relationshipId))
                    .map(Versioned::json);
        }
        return lastFile(sourceId).flatMap(file -> file.relationships().stream()
                .filter(r -> relationshipId.equals(r.path("$relationshipId").asText(null)))
                .findFirst());
    }

    private Optional<TwinFile> lastFile(String twinId) {
        return known.get(twinId).flatMap(lastApplied::of);
    }
}
