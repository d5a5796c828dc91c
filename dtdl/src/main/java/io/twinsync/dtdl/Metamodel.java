package io.twinsync.dtdl;

import static io.twinsync.dtdl.ElementKind.ARRAY;
import static io.twinsync.dtdl.ElementKind.COMMAND_PAYLOAD;
import static io.twinsync.dtdl.ElementKind.COMMAND_REQUEST;
import static io.twinsync.dtdl.ElementKind.COMMAND_RESPONSE;
import static io.twinsync.dtdl.ElementKind.COMPLEX_SCHEMAS;
import static io.twinsync.dtdl.ElementKind.CONTENTS;
import static io.twinsync.dtdl.ElementKind.ENUM;
import static io.twinsync.dtdl.ElementKind.ENUM_VALUE;
import static io.twinsync.dtdl.ElementKind.FIELD;
import static io.twinsync.dtdl.ElementKind.INTERFACE;
import static io.twinsync.dtdl.ElementKind.MAP;
import static io.twinsync.dtdl.ElementKind.MAP_KEY;
import static io.twinsync.dtdl.ElementKind.MAP_VALUE;
import static io.twinsync.dtdl.ElementKind.OBJECT;
import static io.twinsync.dtdl.ElementKind.PROPERTY;

import io.twinsync.dtdl.Slot.SlotType;
import io.twinsync.dtdl.model.DtdlVersion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The properties each DTDL class may have, per language version: the class charts of the DTDL v2 and v3
 * specifications (Azure/opendigitaltwins-dtdl, DTDL/v2/DTDL.v2.md and DTDL/v3/DTDL.v3.md), written down once.
 */
final class Metamodel {

    /** Limits of the v2 charts ("max 2 Interfaces in set", "max 100 EnumValues in set", ...). */
    static final int V2_MAX_EXTENDS = 2;

    static final int V2_MAX_ENUM_VALUES = 100;
    static final int V2_MAX_FIELDS = 30;
    static final int V2_MAX_RELATIONSHIP_PROPERTIES = 300;
    static final int MAX_TEXT_LENGTH = 512;

    private static final Map<DtdlVersion, Metamodel> BY_VERSION = new EnumMap<>(DtdlVersion.class);

    static {
        for (DtdlVersion version : DtdlVersion.values()) {
            BY_VERSION.put(version, new Metamodel(version));
        }
    }

    private final Map<ElementKind, Map<String, Slot>> slots = new EnumMap<>(ElementKind.class);

    private Metamodel(DtdlVersion version) {
        boolean v2 = version == DtdlVersion.V2;
        Set<ElementKind> schemas = EnumSet.copyOf(COMPLEX_SCHEMAS);
        Slot name = Slot.required("name", SlotType.NAME).maxLength(version.maxNameLength());
        Slot schema = Slot.element("schema", true, schemas);
        define(
                INTERFACE,
                version,
                Slot.elements("contents", false, CONTENTS, -1),
                Slot.elements("extends", false, Set.of(INTERFACE), v2 ? V2_MAX_EXTENDS : -1),
                Slot.elements("schemas", false, COMPLEX_SCHEMAS, -1));
        define(ElementKind.TELEMETRY, version, name, schema);
        define(PROPERTY, version, name, schema, Slot.optional("writable", SlotType.BOOLEAN));
        Set<ElementKind> request = v2 ? Set.of(COMMAND_PAYLOAD) : Set.of(COMMAND_REQUEST);
        Set<ElementKind> response = v2 ? Set.of(COMMAND_PAYLOAD) : Set.of(COMMAND_RESPONSE);
        List<Slot> command = new ArrayList<>(
                List.of(name, Slot.element("request", false, request), Slot.element("response", false, response)));
        // commandType is deprecated in v3 but still allowed
        // ("Recommendation-ClassCommandPropertyCommandTypeDeprecatedV3")
        command.add(Slot.optional("commandType", SlotType.TERM));
        define(ElementKind.COMMAND, version, command.toArray(Slot[]::new));
        define(COMMAND_PAYLOAD, version, name, schema);
        define(COMMAND_REQUEST, version, name, schema);
        define(COMMAND_RESPONSE, version, name, schema);
        define(
                ElementKind.RELATIONSHIP,
                version,
                name,
                Slot.optional("maxMultiplicity", SlotType.INTEGER),
                Slot.optional("minMultiplicity", SlotType.INTEGER),
                Slot.elements("properties", false, Set.of(PROPERTY), v2 ? V2_MAX_RELATIONSHIP_PROPERTIES : -1),
                Slot.optional("target", SlotType.DTMI),
                Slot.optional("writable", SlotType.BOOLEAN));
        define(ElementKind.COMPONENT, version, name, Slot.element("schema", true, Set.of(INTERFACE)));
        define(ARRAY, version, Slot.element("elementSchema", true, schemas));
        define(
                ENUM,
                version,
                Slot.elements("enumValues", v2, Set.of(ENUM_VALUE), v2 ? V2_MAX_ENUM_VALUES : -1),
                Slot.element("valueSchema", true, Set.of()));
        define(ENUM_VALUE, version, name, Slot.required("enumValue", SlotType.LITERAL));
        define(
                MAP,
                version,
                Slot.element("mapKey", true, Set.of(MAP_KEY)),
                Slot.element("mapValue", true, Set.of(MAP_VALUE)));
        define(MAP_KEY, version, name, Slot.element("schema", true, Set.of()));
        define(MAP_VALUE, version, name, schema);
        define(OBJECT, version, Slot.elements("fields", v2, Set.of(FIELD), v2 ? V2_MAX_FIELDS : -1));
        define(FIELD, version, name, schema);
    }

    private void define(ElementKind kind, DtdlVersion version, Slot... own) {
        if (!kind.existsIn(version)) {
            return;
        }
        Map<String, Slot> all = new LinkedHashMap<>();
        all.put("comment", Slot.optional("comment", SlotType.STRING).maxLength(MAX_TEXT_LENGTH));
        all.put(
                "description",
                Slot.optional("description", SlotType.LANG_STRING).maxLength(MAX_TEXT_LENGTH));
        all.put(
                "displayName",
                Slot.optional("displayName", SlotType.LANG_STRING).maxLength(version.maxDisplayNameLength()));
        for (Slot slot : own) {
            all.put(slot.term(), slot);
        }
        slots.put(kind, all);
    }

    static Metamodel of(DtdlVersion version) {
        return BY_VERSION.get(version);
    }

    /** The properties of a class, by term; empty when the class does not exist in this version. */
    Map<String, Slot> slots(ElementKind kind) {
        return slots.getOrDefault(kind, Map.of());
    }
}
