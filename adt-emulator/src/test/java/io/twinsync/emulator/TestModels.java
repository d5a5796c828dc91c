package io.twinsync.emulator;

import java.util.List;

/** DTDL used by the tests: a small building graph in DTDL v2 and v3. */
final class TestModels {

    static final String ASSET = "dtmi:test:Asset;1";
    static final String BUILDING = "dtmi:test:Building;1";
    static final String FLOOR = "dtmi:test:Floor;1";
    static final String ROOM = "dtmi:test:Room;1";
    static final String HVAC = "dtmi:test:Hvac;1";
    static final String PLANT = "dtmi:test:Plant;1";

    static final String ASSET_JSON =
            """
            {"@id": "dtmi:test:Asset;1", "@type": "Interface", "@context": "dtmi:dtdl:context;2",
             "displayName": "Asset",
             "contents": [
               {"@type": "Property", "name": "name", "schema": "string"},
               {"@type": "Property", "name": "serial", "schema": "string", "writable": true}
             ]}
            """;

    static final String BUILDING_JSON =
            """
            {"@id": "dtmi:test:Building;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
             "displayName": {"en": "Building"}, "extends": "dtmi:test:Asset;1",
             "schemas": [
               {"@id": "dtmi:test:Status;1", "@type": "Enum", "valueSchema": "string",
                "enumValues": [{"name": "active", "enumValue": "active"}, {"name": "closed", "enumValue": "closed"}]}
             ],
             "contents": [
               {"@type": "Property", "name": "floors", "schema": "integer"},
               {"@type": "Property", "name": "height", "schema": "double"},
               {"@type": "Property", "name": "opened", "schema": "date"},
               {"@type": "Property", "name": "inspectedAt", "schema": "dateTime"},
               {"@type": "Property", "name": "warranty", "schema": "duration"},
               {"@type": "Property", "name": "status", "schema": "dtmi:test:Status;1"},
               {"@type": "Property", "name": "address", "schema": {"@type": "Object", "fields": [
                   {"name": "street", "schema": "string"}, {"name": "zip", "schema": "string"}]}},
               {"@type": "Property", "name": "tags", "schema": {"@type": "Map",
                   "mapKey": {"name": "key", "schema": "string"}, "mapValue": {"name": "value", "schema": "string"}}},
               {"@type": "Relationship", "name": "contains", "target": "dtmi:test:Floor;1",
                "properties": [{"@type": "Property", "name": "since", "schema": "date"}]},
               {"@type": "Telemetry", "name": "occupancy", "schema": "integer"}
             ]}
            """;

    static final String FLOOR_JSON =
            """
            {"@id": "dtmi:test:Floor;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
             "extends": ["dtmi:test:Asset;1"],
             "contents": [
               {"@type": "Property", "name": "level", "schema": "integer"},
               {"@type": "Relationship", "name": "hasRoom", "target": "dtmi:test:Room;1"}
             ]}
            """;

    static final String ROOM_JSON =
            """
            {"@id": "dtmi:test:Room;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
             "extends": "dtmi:test:Asset;1",
             "contents": [
               {"@type": "Property", "name": "area", "schema": "float"},
               {"@type": "Relationship", "name": "adjacentTo"}
             ]}
            """;

    static final String HVAC_JSON =
            """
            {"@id": "dtmi:test:Hvac;1", "@type": "Interface", "@context": "dtmi:dtdl:context;2",
             "contents": [
               {"@type": ["Property", "Temperature"], "name": "setpoint", "schema": "double", "unit": "degreeCelsius"},
               {"@type": "Telemetry", "name": "temperature", "schema": "double"}
             ]}
            """;

    static final String PLANT_JSON =
            """
            {"@id": "dtmi:test:Plant;1", "@type": "Interface", "@context": "dtmi:dtdl:context;2",
             "extends": "dtmi:test:Asset;1",
             "contents": [{"@type": "Component", "name": "hvac", "schema": "dtmi:test:Hvac;1"}]}
            """;

    /** All models, in an order where each comes after what it needs (the emulator does not require that). */
    static List<String> all() {
        return List.of(ASSET_JSON, ROOM_JSON, FLOOR_JSON, BUILDING_JSON, HVAC_JSON, PLANT_JSON);
    }

    private TestModels() {}
}
