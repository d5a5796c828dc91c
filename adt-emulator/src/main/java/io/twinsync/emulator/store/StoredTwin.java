package io.twinsync.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A twin as stored. Never mutated: every write stores a new instance with a new ETag.
 *
 * @param contents properties and components, without any {@code $} keys
 * @param propertyTimes when each property was last written; component properties are keyed {@code comp/prop}, and
 *     each component's own last write (its {@code $metadata.$lastUpdateTime}) is keyed by the component's name
 * @param sourceTimes the {@code sourceTime} clients set on properties, keyed like {@code propertyTimes}
 * @param componentNames which top-level keys of {@code contents} are components
 */
public record StoredTwin(
        String id,
        String modelId,
        ObjectNode contents,
        Map<String, Instant> propertyTimes,
        Map<String, Instant> sourceTimes,
        Set<String> componentNames,
        Instant lastUpdateTime,
        String etag) {

    public StoredTwin {
        propertyTimes = Map.copyOf(propertyTimes);
        sourceTimes = Map.copyOf(sourceTimes);
        componentNames = Set.copyOf(componentNames);
    }
}
