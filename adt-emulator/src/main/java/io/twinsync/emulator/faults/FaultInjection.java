package io.twinsync.emulator.faults;

import com.sun.net.httpserver.HttpHandler;
import io.twinsync.emulator.http.RequestFilter;
import io.twinsync.emulator.http.ResponseDelay;
import io.twinsync.emulator.store.EmulatorStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@link Faults} into the pieces the emulator wires in: a filter for the front of the pipeline (server errors),
 * a filter for its end (eventual consistency, which needs to see the graph), the answers' delay (latency) and a
 * wrapper around the HTTP handler (dropped connections). With {@link Faults#none()} every piece is absent.
 */
public final class FaultInjection {

    private final Faults faults;
    private final FaultDice dice;
    private final EmulatorStore store;
    private ConnectionDropper dropper;

    public FaultInjection(Faults faults, EmulatorStore store) {
        this.faults = faults;
        this.dice = new FaultDice(faults.seed());
        this.store = store;
    }

    /** Filters to run right after request counting: injected server errors. */
    public List<RequestFilter> frontFilters() {
        List<RequestFilter> filters = new ArrayList<>();
        if (faults.failRate() > 0) {
            filters.add(new FailureFilter(faults.failRate(), faults.failStatus(), dice));
        }
        return List.copyOf(filters);
    }

    /** The delay of every answer: injected latency, or none. */
    public ResponseDelay responseDelay() {
        return faults.hasLatency()
                ? new ResponseLatency(faults.fixedLatency(), faults.randomLatency(), dice)
                : ResponseDelay.NONE;
    }

    /** Filters to run last, just before the endpoints: eventual consistency. */
    public List<RequestFilter> backFilters() {
        return faults.consistencyDelay().isZero()
                ? List.of()
                : List.of(new ConsistencyDelayFilter(store, faults.consistencyDelay(), System::nanoTime));
    }

    /** The server's handler, wrapped to drop a share of connections when asked to. Call once. */
    public synchronized HttpHandler wrap(HttpHandler handler) {
        if (faults.dropRate() <= 0) {
            return handler;
        }
        if (dropper != null) {
            throw new IllegalStateException("FaultInjection.wrap was already called; it wraps one server handler");
        }
        dropper = new ConnectionDropper(faults.dropRate(), dice, handler);
        return dropper;
    }

    /** Connections closed without an answer so far. */
    public synchronized long droppedConnections() {
        return dropper == null ? 0 : dropper.dropped();
    }

    /** Starts counting dropped connections from zero. */
    public synchronized void resetCounts() {
        if (dropper != null) {
            dropper.reset();
        }
    }

    public Faults faults() {
        return faults;
    }
}
