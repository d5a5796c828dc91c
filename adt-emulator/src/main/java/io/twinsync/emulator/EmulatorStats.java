package io.twinsync.emulator;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of requests the emulator received, taken at one moment. Operation kinds are {@code models.post},
 * {@code models.list}, {@code models.get}, {@code models.patch}, {@code models.delete}, {@code twins.get},
 * {@code twins.put}, {@code twins.patch}, {@code twins.delete}, {@code relationships.get},
 * {@code relationships.put}, {@code relationships.patch}, {@code relationships.delete},
 * {@code relationships.list}, {@code relationships.incoming}, {@code components.get}, {@code components.patch},
 * {@code twins.telemetry}, {@code components.telemetry}, {@code eventroutes.put}, {@code eventroutes.get},
 * {@code eventroutes.list}, {@code eventroutes.delete}, {@code unsupported} and {@code unknown}. Every request
 * counts, whatever its answer. Import job requests count as {@code importjobs.put}, {@code importjobs.get},
 * {@code importjobs.list}, {@code importjobs.cancel} and {@code importjobs.delete}; the twins and relationships a
 * job imports are not requests and are not counted. Notifications are counted apart, by
 * {@code AdtEmulator.notifications()}.
 *
 * @param total all requests received
 * @param operations requests by operation kind (kinds never seen are absent; {@link #count} answers 0)
 * @param statuses answers by HTTP status code
 */
public record EmulatorStats(long total, Map<String, Long> operations, Map<Integer, Long> statuses) {

    public EmulatorStats {
        operations = Map.copyOf(operations);
        statuses = Map.copyOf(statuses);
    }

    static EmulatorStats of(Map<String, Long> operations, Map<Integer, Long> statuses) {
        long total = operations.values().stream().mapToLong(Long::longValue).sum();
        return new EmulatorStats(total, operations, statuses);
    }

    /** Requests of one kind, such as {@code twins.patch}. */
    public long count(String kind) {
        return operations.getOrDefault(kind, 0L);
    }

    /** Answers with one HTTP status, such as 412. */
    public long countStatus(int status) {
        return statuses.getOrDefault(status, 0L);
    }

    /** Requests refused with 429 by the rate limits (see {@code AdtEmulator.Builder.rateLimits}). */
    public long throttled() {
        return countStatus(429);
    }

    /** Twin creates, replaces, patches (including component patches) and deletes. */
    public long twinWrites() {
        return count("twins.put") + count("twins.patch") + count("twins.delete") + count("components.patch");
    }

    /** Telemetry messages sent for twins and for components. */
    public long telemetrySent() {
        return count("twins.telemetry") + count("components.telemetry");
    }

    /** Event route creates, reads, listings and deletes. */
    public long eventRouteRequests() {
        return count("eventroutes.put")
                + count("eventroutes.get")
                + count("eventroutes.list")
                + count("eventroutes.delete");
    }

    /** Relationship creates, replaces, patches and deletes. */
    public long relationshipWrites() {
        return count("relationships.put") + count("relationships.patch") + count("relationships.delete");
    }

    /** What happened since an earlier snapshot: {@code emulator.stats().since(before).twinWrites()}. */
    public EmulatorStats since(EmulatorStats earlier) {
        Map<String, Long> operationDelta = new TreeMap<>();
        operations.forEach((kind, count) -> {
            long delta = count - earlier.count(kind);
            if (delta != 0) {
                operationDelta.put(kind, delta);
            }
        });
        Map<Integer, Long> statusDelta = new TreeMap<>();
        statuses.forEach((status, count) -> {
            long delta = count - earlier.countStatus(status);
            if (delta != 0) {
                statusDelta.put(status, delta);
            }
        });
        return new EmulatorStats(total - earlier.total(), operationDelta, statusDelta);
    }
}
