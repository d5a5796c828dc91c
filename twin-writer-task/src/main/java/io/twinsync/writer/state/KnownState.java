package io.twinsync.writer.state;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The twins last applied to one target, by id. Thread-safe.
 *
 * <p>It only says what this writer last sent. A twin changed in ADT by someone else is not noticed while its source
 * row stays the same; run with {@code ignoreKnownState} to compare every twin again.
 */
public final class KnownState {

    private final Map<String, KnownTwin> twins = new ConcurrentHashMap<>();

    /**
     * One copy of each batch id and model: entries share a handful of each, and a state of a million twins read
     * from its file would otherwise hold a million copies of both (about 130 MB).
     */
    private final Map<String, String> shared = new ConcurrentHashMap<>();

    public KnownState(Collection<KnownTwin> initial) {
        initial.forEach(this::record);
    }

    public static KnownState empty() {
        return new KnownState(List.of());
    }

    /** True when the twin file with this content hash was already applied in full. */
    public boolean isApplied(String twinId, String contentHash) {
        KnownTwin known = twins.get(twinId);
        return known != null && contentHash != null && contentHash.equals(known.contentHash());
    }

    /** What was last applied to a twin, if anything. */
    public Optional<KnownTwin> get(String twinId) {
        return Optional.ofNullable(twins.get(twinId));
    }

    public void record(KnownTwin twin) {
        String batchId = share(twin.batchId());
        String model = share(twin.model());
        twins.put(
                twin.twinId(),
                batchId == twin.batchId() && model == twin.model()
                        ? twin
                        : new KnownTwin(
                                twin.twinId(), twin.contentHash(), twin.etag(), batchId, model, twin.deleted()));
    }

    private String share(String value) {
        return value == null ? null : shared.computeIfAbsent(value, v -> v);
    }

    public void forget(String twinId) {
        twins.remove(twinId);
    }

    public int size() {
        return twins.size();
    }

    /** The entries sorted by twin id. */
    public List<KnownTwin> sorted() {
        return twins.values().stream()
                .sorted((a, b) -> a.twinId().compareTo(b.twinId()))
                .toList();
    }
}
