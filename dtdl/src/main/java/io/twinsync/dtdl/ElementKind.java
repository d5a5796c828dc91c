package io.twinsync.dtdl;

import io.twinsync.dtdl.model.DtdlVersion;
import java.util.EnumSet;
import java.util.Set;

/**
 * The concrete ("material") DTDL classes an element can be. The term is the class's name in the DTDL context; its IRI
 * is {@code dtmi:dtdl:class:<term>;<version>}.
 */
enum ElementKind {
    INTERFACE("Interface", true),
    TELEMETRY("Telemetry", true),
    PROPERTY("Property", true),
    COMMAND("Command", true),
    COMMAND_REQUEST("CommandRequest", false),
    COMMAND_RESPONSE("CommandResponse", false),
    COMMAND_PAYLOAD("CommandPayload", false),
    RELATIONSHIP("Relationship", true),
    COMPONENT("Component", true),
    ARRAY("Array", true),
    ENUM("Enum", true),
    ENUM_VALUE("EnumValue", false),
    MAP("Map", true),
    MAP_KEY("MapKey", false),
    MAP_VALUE("MapValue", false),
    OBJECT("Object", true),
    FIELD("Field", false);

    static final Set<ElementKind> CONTENTS = EnumSet.of(COMMAND, COMPONENT, PROPERTY, RELATIONSHIP, TELEMETRY);
    static final Set<ElementKind> COMPLEX_SCHEMAS = EnumSet.of(ARRAY, ENUM, MAP, OBJECT);

    private final String term;
    private final boolean typeRequired;

    ElementKind(String term, boolean typeRequired) {
        this.term = term;
        this.typeRequired = typeRequired;
    }

    String term() {
        return term;
    }

    /** False for the classes whose {@code @type} may be left out ("If provided, must be ..."). */
    boolean typeRequired() {
        return typeRequired;
    }

    /** The class exists in this version: CommandPayload only in v2, CommandRequest and CommandResponse only in v3. */
    boolean existsIn(DtdlVersion version) {
        return switch (this) {
            case COMMAND_PAYLOAD -> version == DtdlVersion.V2;
            case COMMAND_REQUEST, COMMAND_RESPONSE -> version != DtdlVersion.V2;
            default -> true;
        };
    }

    boolean isComplexSchema() {
        return COMPLEX_SCHEMAS.contains(this);
    }

    static ElementKind ofTerm(String term, DtdlVersion version) {
        for (ElementKind kind : values()) {
            if (kind.term.equals(term) && kind.existsIn(version)) {
                return kind;
            }
        }
        return null;
    }
}
