package io.twinsync.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsync.emulator.store.EmulatorStore;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The graph the query tests run against: a building with two floors, twelve rooms (rooms 11 and 12 without a
 * capacity), three sensors and one plain thing. Room extends Space extends Thing; Sensor extends Thing.
 *
 * <pre>
 * bldg -contains-> floor-1 -contains-> room-01 .. room-06      room-01 -hasSensor-> sensor-a
 *      -contains-> floor-2 -contains-> room-07 .. room-12      room-02 -hasSensor-> sensor-b
 *      -hasSensor-> sensor-c                                   thing-x (alone)
 * </pre>
 */
public final class QueryGraph {

    public static final String THING = "dtmi:query:Thing;1";
    public static final String SPACE = "dtmi:query:Space;1";
    public static final String ROOM = "dtmi:query:Room;1";
    public static final String SENSOR = "dtmi:query:Sensor;1";

    public static final int TWIN_COUNT = 19;
    public static final int RELATIONSHIP_COUNT = 17;

    public static final List<String> MODELS = List.of(
            """
            {"@id": "dtmi:query:Thing;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
             "contents": [{"@type": "Property", "name": "name", "schema": "string"}]}
            """,
            """
            {"@id": "dtmi:query:Space;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
             "extends": "dtmi:query:Thing;1",
             "contents": [
               {"@type": "Property", "name": "area", "schema": "double"},
               {"@type": "Property", "name": "occupied", "schema": "boolean"},
               {"@type": "Property", "name": "address", "schema": {"@type": "Object", "fields": [
                   {"name": "city", "schema": "string"}, {"name": "zip", "schema": "string"}]}},
               {"@type": "Relationship", "name": "contains",
                "properties": [{"@type": "Property", "name": "since", "schema": "string"}]},
               {"@type": "Relationship", "name": "hasSensor", "target": "dtmi:query:Sensor;1"}
             ]}
            """,
            """
            {"@id": "dtmi:query:Room;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
             "extends": "dtmi:query:Space;1",
             "contents": [{"@type": "Property", "name": "capacity", "schema": "integer"}]}
            """,
            """
            {"@id": "dtmi:query:Sensor;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
             "extends": "dtmi:query:Thing;1",
             "contents": [
               {"@type": "Property", "name": "reading", "schema": "double"},
               {"@type": "Property", "name": "unit", "schema": "string"}
             ]}
            """);

    /** A twin to create: its id and PUT body. */
    public record TwinSpec(String id, String json) {}

    /** A relationship to create: source twin, relationship id and PUT body. */
    public record RelationshipSpec(String sourceId, String id, String json) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private QueryGraph() {}

    public static String roomId(int number) {
        return String.format("room-%02d", number);
    }

    public static List<TwinSpec> twins() {
        List<TwinSpec> twins = new ArrayList<>();
        twins.add(new TwinSpec(
                "bldg",
                twin(
                        SPACE,
                        "\"name\": \"HQ\", \"area\": 1000, \"occupied\": true,"
                                + " \"address\": {\"city\": \"Oslo\", \"zip\": \"0150\"}")));
        twins.add(new TwinSpec("floor-1", twin(SPACE, "\"name\": \"Floor 1\", \"area\": 400, \"occupied\": true")));
        twins.add(new TwinSpec("floor-2", twin(SPACE, "\"name\": \"Floor 2\", \"area\": 300.5, \"occupied\": false")));
        for (int i = 1; i <= 12; i++) {
            String capacity = i <= 10 ? ", \"capacity\": " + i : "";
            twins.add(new TwinSpec(
                    roomId(i),
                    twin(
                            ROOM,
                            "\"name\": \"Room " + i + "\", \"area\": " + (10 * i) + ", \"occupied\": " + (i % 2 == 0)
                                    + capacity)));
        }
        twins.add(new TwinSpec("sensor-a", twin(SENSOR, "\"name\": \"Temp A\", \"reading\": 20.5, \"unit\": \"C\"")));
        twins.add(new TwinSpec("sensor-b", twin(SENSOR, "\"name\": \"Temp B\", \"reading\": 22, \"unit\": \"C\"")));
        twins.add(new TwinSpec("sensor-c", twin(SENSOR, "\"name\": \"Temp C\", \"reading\": -3, \"unit\": \"F\"")));
        twins.add(new TwinSpec("thing-x", twin(THING, "\"name\": \"Misc\"")));
        return twins;
    }

    public static List<RelationshipSpec> relationships() {
        List<RelationshipSpec> relationships = new ArrayList<>();
        relationships.add(contains("bldg", "floor-1", ", \"since\": \"2020-01-01\""));
        relationships.add(contains("bldg", "floor-2", ", \"since\": \"2021-06-30\""));
        for (int i = 1; i <= 12; i++) {
            relationships.add(contains(i <= 6 ? "floor-1" : "floor-2", roomId(i), ""));
        }
        relationships.add(sensor("room-01", "sensor-a"));
        relationships.add(sensor("room-02", "sensor-b"));
        relationships.add(sensor("bldg", "sensor-c"));
        return relationships;
    }

    /** Loads the models, twins and relationships straight into a store (no HTTP). */
    public static void loadInto(EmulatorStore store) {
        try {
            store.models().add(JSON.readTree("[" + String.join(",", MODELS) + "]"));
            for (TwinSpec twin : twins()) {
                store.twins().createOrReplace(twin.id(), JSON.readTree(twin.json()), null);
            }
            for (RelationshipSpec relationship : relationships()) {
                JsonNode body = JSON.readTree(relationship.json());
                store.relationships().createOrReplace(relationship.sourceId(), relationship.id(), body, null);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String twin(String model, String properties) {
        return "{\"$metadata\": {\"$model\": \"" + model + "\"}, " + properties + "}";
    }

    private static RelationshipSpec contains(String source, String target, String properties) {
        return new RelationshipSpec(
                source,
                source + "-" + target,
                "{\"$targetId\": \"" + target + "\", \"$relationshipName\": \"contains\"" + properties + "}");
    }

    private static RelationshipSpec sensor(String source, String target) {
        return new RelationshipSpec(
                source,
                source + "-" + target,
                "{\"$targetId\": \"" + target + "\", \"$relationshipName\": \"hasSensor\"}");
    }
}
