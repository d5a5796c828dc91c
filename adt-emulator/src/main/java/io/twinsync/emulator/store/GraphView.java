package io.twinsync.emulator.store;

import io.twinsync.dtdl.ModelSet;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A read-only view of the graph for queries, handed out by {@link EmulatorStore#readGraph}. It is only valid inside
 * that call, while the store's read lock is held; the stored entities it returns are immutable and may be kept.
 */
public final class GraphView {

    private final GraphState state;

    GraphView(GraphState state) {
        this.state = state;
    }

    public Optional<StoredTwin> twin(String id) {
        return Optional.ofNullable(state.twins.get(id));
    }

    /** Every twin id in ascending order (a copy: twins are kept in a hash map). */
    public NavigableSet<String> twinIds() {
        return new TreeSet<>(state.twins.keySet());
    }

    /** The ids of twins that have at least one outgoing relationship, ascending. */
    public NavigableSet<String> relationshipSourceIds() {
        return new TreeSet<>(state.outgoing.keySet());
    }

    /** A twin's outgoing relationships by relationship id, ascending; empty when it has none. */
    public NavigableMap<String, StoredRelationship> outgoing(String sourceId) {
        return Collections.unmodifiableNavigableMap(state.outgoingOf(sourceId));
    }

    /** The uploaded models, for model checks such as {@code IS_OF_MODEL}. */
    public ModelSet models() {
        return state.definitions;
    }
}
