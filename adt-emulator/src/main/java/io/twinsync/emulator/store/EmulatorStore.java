package io.twinsync.emulator.store;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The emulated ADT instance's data, independent of HTTP. One read-write lock guards the whole graph: writes hold it
 * for microseconds, and several invariants span twins (a relationship needs its target to exist; a twin with
 * incoming relationships cannot be deleted), which per-twin locks could only keep with ordered multi-locking.
 * Readers run in parallel. Stored entities are immutable, so callers may render them after the lock is released.
 */
public final class EmulatorStore {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final GraphState state = new GraphState();
    private final GraphEventListener events;
    private final ModelService models = new ModelService(this);
    private final TwinService twins = new TwinService(this);
    private final RelationshipService relationships = new RelationshipService(this);
    private final SnapshotCodec snapshots = new SnapshotCodec(this);
    private final TelemetryService telemetry = new TelemetryService(this);

    /** A store that reports its changes to no one. */
    public EmulatorStore() {
        this(GraphEventListener.NONE);
    }

    /** A store that reports every committed write, and telemetry, to {@code events}. */
    public EmulatorStore(GraphEventListener events) {
        this.events = events;
    }

    public ModelService models() {
        return models;
    }

    public TwinService twins() {
        return twins;
    }

    public RelationshipService relationships() {
        return relationships;
    }

    public SnapshotCodec snapshots() {
        return snapshots;
    }

    public TelemetryService telemetry() {
        return telemetry;
    }

    GraphEventListener events() {
        return events;
    }

    /**
     * Runs a read-only action (a query) over one consistent state of the graph, under the read lock. The view must
     * not escape the action.
     */
    public <T> T readGraph(Function<GraphView, T> action) {
        return read(state -> action.apply(new GraphView(state)));
    }

    <T> T read(Function<GraphState, T> action) {
        lock.readLock().lock();
        try {
            return action.apply(state);
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Function<GraphState, T> action) {
        lock.writeLock().lock();
        try {
            return action.apply(state);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
