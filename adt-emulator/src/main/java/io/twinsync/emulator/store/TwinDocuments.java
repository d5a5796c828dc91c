package io.twinsync.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.json.EmulatorJson;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Converts between stored twins and their wire form:
 * {@code {"$dtId","$etag", props..., comp:{props..., "$metadata":{"$lastUpdateTime", "<prop>":{...}}},
 * "$metadata":{"$model","$lastUpdateTime", "<prop>":{"lastUpdateTime"[,"sourceTime"]}}}}. A component's
 * {@code $lastUpdateTime} is in the service's answers as the twin's is (the SDK's recorded sessions).
 */
public final class TwinDocuments {

    private TwinDocuments() {}

    public static ObjectNode render(StoredTwin twin) {
        ObjectNode document = EmulatorJson.object();
        document.put("$dtId", twin.id());
        document.put("$etag", twin.etag());
        ObjectNode metadata = EmulatorJson.object();
        metadata.put("$model", twin.modelId());
        metadata.put("$lastUpdateTime", twin.lastUpdateTime().toString());
        twin.contents().properties().forEach(entry -> {
            String name = entry.getKey();
            if (twin.componentNames().contains(name)) {
                document.set(name, renderComponent(twin, name));
            } else {
                document.set(name, entry.getValue().deepCopy());
                metadata.set(name, timeEntry(twin, name));
            }
        });
        document.set("$metadata", metadata);
        return document;
    }

    /** One component in wire form: its properties plus its own {@code $metadata}. */
    public static ObjectNode renderComponent(StoredTwin twin, String component) {
        ObjectNode rendered = EmulatorJson.object();
        ObjectNode metadata = EmulatorJson.object();
        metadata.put(
                "$lastUpdateTime",
                twin.propertyTimes()
                        .getOrDefault(component, twin.lastUpdateTime())
                        .toString());
        twin.contents().path(component).properties().forEach(entry -> {
            rendered.set(entry.getKey(), entry.getValue().deepCopy());
            metadata.set(entry.getKey(), timeEntry(twin, component + "/" + entry.getKey()));
        });
        rendered.set("$metadata", metadata);
        return rendered;
    }

    /**
     * The contents of a PUT body or a patched twin: every key but {@code $...}, and components without their
     * {@code $...} keys.
     */
    static ObjectNode contentsOf(ObjectNode body, Set<String> componentNames) {
        ObjectNode contents = EmulatorJson.object();
        body.properties().forEach(entry -> {
            if (entry.getKey().startsWith("$")) {
                return;
            }
            JsonNode value = entry.getValue();
            if (componentNames.contains(entry.getKey()) && value.isObject()) {
                ObjectNode component = EmulatorJson.object();
                value.properties().forEach(field -> {
                    if (!field.getKey().startsWith("$")) {
                        component.set(field.getKey(), field.getValue().deepCopy());
                    }
                });
                contents.set(entry.getKey(), component);
            } else {
                contents.set(entry.getKey(), value.deepCopy());
            }
        });
        return contents;
    }

    /** Every property key of a contents tree (components' properties as {@code comp/prop}). */
    static Set<String> propertyKeys(ObjectNode contents, Set<String> componentNames) {
        Set<String> keys = new HashSet<>();
        contents.properties().forEach(entry -> {
            if (componentNames.contains(entry.getKey())) {
                entry.getValue().fieldNames().forEachRemaining(field -> keys.add(entry.getKey() + "/" + field));
            } else {
                keys.add(entry.getKey());
            }
        });
        return keys;
    }

    /** Reads a twin back from its wire form (used by snapshots). Components are objects with a $metadata. */
    static StoredTwin parse(ObjectNode document) {
        JsonNode metadata = document.path("$metadata");
        Instant lastUpdate = Instant.parse(metadata.path("$lastUpdateTime").asText(Instant.EPOCH.toString()));
        Set<String> components = new HashSet<>();
        document.properties().forEach(entry -> {
            if (!entry.getKey().startsWith("$") && entry.getValue().has("$metadata")) {
                components.add(entry.getKey());
            }
        });
        ObjectNode contents = contentsOf(document, components);
        Map<String, Instant> times = new HashMap<>();
        Map<String, Instant> sourceTimes = new HashMap<>();
        for (String key : propertyKeys(contents, components)) {
            String[] parts = key.split("/", 2);
            JsonNode entry = parts.length == 1
                    ? metadata.path(key)
                    : document.path(parts[0]).path("$metadata").path(parts[1]);
            times.put(key, Instant.parse(entry.path("lastUpdateTime").asText(lastUpdate.toString())));
            if (entry.path("sourceTime").isTextual()) {
                sourceTimes.put(key, Instant.parse(entry.path("sourceTime").asText()));
            }
        }
        for (String component : components) {
            JsonNode time = document.path(component).path("$metadata").path("$lastUpdateTime");
            times.put(component, Instant.parse(time.asText(lastUpdate.toString())));
        }
        return new StoredTwin(
                document.path("$dtId").asText(),
                metadata.path("$model").asText(),
                contents,
                times,
                sourceTimes,
                components,
                lastUpdate,
                document.path("$etag").asText(ETags.next()));
    }

    /** A property's metadata: when it was last written and, if a client set one, its {@code sourceTime}. */
    private static ObjectNode timeEntry(StoredTwin twin, String key) {
        ObjectNode entry = EmulatorJson.object();
        entry.put(
                "lastUpdateTime",
                twin.propertyTimes().getOrDefault(key, twin.lastUpdateTime()).toString());
        Instant sourceTime = twin.sourceTimes().get(key);
        if (sourceTime != null) {
            entry.put("sourceTime", sourceTime.toString());
        }
        return entry;
    }
}
