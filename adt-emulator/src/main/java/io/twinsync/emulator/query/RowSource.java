package io.twinsync.emulator.query;

import io.twinsync.emulator.query.Query.Collection;
import io.twinsync.emulator.query.Query.Join;
import io.twinsync.emulator.store.GraphView;
import io.twinsync.emulator.store.StoredRelationship;
import io.twinsync.emulator.store.StoredTwin;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Produces a query's candidate rows in a stable order, starting after a given row key: twins by {@code $dtId};
 * relationships by source id then relationship id; JOIN rows by the FROM twin's id then the relationship id. Resuming
 * after a key (not an offset) keeps pages consistent while the graph changes between them.
 */
final class RowSource {

    private final GraphView graph;
    private final QueryPlan plan;

    RowSource(GraphView graph, QueryPlan plan) {
        this.graph = graph;
        this.plan = plan;
    }

    /**
     * Hands rows after {@code after} to {@code visitor} until it returns false or the rows run out.
     *
     * @param after the key of the last row already served, or empty to start at the beginning
     */
    void forEach(Optional<List<String>> after, Predicate<Row> visitor) {
        if (plan.query().source().collection() == Collection.RELATIONSHIPS) {
            relationships(after, visitor);
        } else if (plan.scope().join().isPresent()) {
            joined(plan.scope().join().get(), after, visitor);
        } else {
            twins(after, visitor);
        }
    }

    private NavigableSet<String> rootIds(Optional<List<String>> after, boolean inclusive) {
        NavigableSet<String> ids = plan.rootIds().orElseGet(graph::twinIds);
        return after.isEmpty() ? ids : ids.tailSet(after.get().get(0), inclusive);
    }

    private void twins(Optional<List<String>> after, Predicate<Row> visitor) {
        String root = plan.scope().root();
        for (String id : rootIds(after, false)) {
            Optional<StoredTwin> twin = graph.twin(id);
            if (twin.isPresent() && !visitor.test(new Row(List.of(id), Map.of(root, Entity.of(twin.get()))))) {
                return;
            }
        }
    }

    private void relationships(Optional<List<String>> after, Predicate<Row> visitor) {
        String root = plan.scope().root();
        NavigableSet<String> sources = graph.relationshipSourceIds();
        for (String source :
                after.isEmpty() ? sources : sources.tailSet(after.get().get(0), true)) {
            for (StoredRelationship relationship : outgoingAfter(source, after).values()) {
                Row row = new Row(List.of(source, relationship.id()), Map.of(root, Entity.of(relationship)));
                if (!visitor.test(row)) {
                    return;
                }
            }
        }
    }

    private void joined(Join join, Optional<List<String>> after, Predicate<Row> visitor) {
        String root = plan.scope().root();
        for (String id : rootIds(after, true)) {
            Optional<StoredTwin> source = graph.twin(id);
            if (source.isEmpty()) {
                continue;
            }
            Entity sourceEntity = Entity.of(source.get());
            for (StoredRelationship relationship : outgoingAfter(id, after).values()) {
                Optional<StoredTwin> target = graph.twin(relationship.targetId());
                if (!relationship.name().equals(join.relationshipName()) || target.isEmpty()) {
                    continue;
                }
                Map<String, Entity> bindings = join.relationshipAlias()
                        .map(alias -> Map.of(
                                root,
                                sourceEntity,
                                join.target(),
                                Entity.of(target.get()),
                                alias,
                                Entity.of(relationship)))
                        .orElseGet(() -> Map.of(root, sourceEntity, join.target(), Entity.of(target.get())));
                if (!visitor.test(new Row(List.of(id, relationship.id()), bindings))) {
                    return;
                }
            }
        }
    }

    /** A twin's outgoing relationships, after the resume key when the key points into this twin. */
    private NavigableMap<String, StoredRelationship> outgoingAfter(String sourceId, Optional<List<String>> after) {
        NavigableMap<String, StoredRelationship> all = graph.outgoing(sourceId);
        if (after.isPresent() && after.get().get(0).equals(sourceId)) {
            return all.tailMap(after.get().get(1), false);
        }
        return all;
    }
}
