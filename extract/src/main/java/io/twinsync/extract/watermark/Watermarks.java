package io.twinsync.extract.watermark;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The watermark of each entity read incrementally, by entity name. Immutable.
 *
 * @param byEntity entity name to its watermark
 */
public record Watermarks(Map<String, Watermark> byEntity) {

    private static final Watermarks NONE = new Watermarks(Map.of());

    public Watermarks {
        byEntity = byEntity == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byEntity));
    }

    /** No watermarks: every entity is read whole. */
    public static Watermarks none() {
        return NONE;
    }

    /** The entity's watermark, if one was kept. */
    public Optional<Watermark> of(String entity) {
        return Optional.ofNullable(byEntity.get(entity));
    }

    /** These watermarks with {@code entity}'s replaced. */
    public Watermarks with(String entity, Watermark watermark) {
        Map<String, Watermark> copy = new LinkedHashMap<>(byEntity);
        copy.put(entity, watermark);
        return new Watermarks(copy);
    }

    /** These watermarks without those of {@code entities}, which are then read whole. */
    public Watermarks without(Collection<String> entities) {
        Map<String, Watermark> copy = new LinkedHashMap<>(byEntity);
        copy.keySet().removeAll(entities);
        return new Watermarks(copy);
    }

    public boolean isEmpty() {
        return byEntity.isEmpty();
    }
}
