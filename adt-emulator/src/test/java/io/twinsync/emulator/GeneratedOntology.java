package io.twinsync.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic ontology shaped like RealEstateCore: one root interface,
 * {@value #FAMILIES} families (Space, Asset, ...) each an {@code extends} chain {@value #DEPTH} deep, {@value #LEAVES}
 * leaf interfaces under every chain node, and one capability interface per family used as a component. Chain nodes
 * declare primitive, Enum, Object and Map properties and relationships (with properties) that target a shallower
 * node of the next family, so the models can be uploaded in dependency order. Content names carry their family and
 * level, so nothing is declared twice along an {@code extends} chain.
 */
final class GeneratedOntology {

    static final int FAMILIES = 8;
    /** Chain levels: a leaf under the deepest one extends through 10 interfaces, the DTDL limit ("max depth of 10"). */
    static final int DEPTH = 9;

    static final int LEAVES = 5;
    /** Chain level from which twins carry the capability component {@code cap<family>}. */
    static final int COMPONENT_LEVEL = 5;

    static final String ROOT = "dtmi:twinsync:rec:Entity;1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FAMILY_NAMES = {
        "Space", "Asset", "Equipment", "Point", "Agent", "Collection", "Event", "Document"
    };
    private static final String[] PRIMITIVES = {"double", "integer", "string", "boolean", "date", "dateTime", "long"};

    private GeneratedOntology() {}

    /** Every interface, each after everything it extends, contains or targets. */
    static List<String> interfaces() {
        List<String> models = new ArrayList<>();
        models.add(root());
        for (int family = 0; family < FAMILIES; family++) {
            models.add(capability(family));
        }
        for (int level = 0; level < DEPTH; level++) {
            for (int family = 0; family < FAMILIES; family++) {
                models.add(chainNode(family, level));
            }
        }
        for (int level = 0; level < DEPTH; level++) {
            for (int family = 0; family < FAMILIES; family++) {
                for (int leaf = 0; leaf < LEAVES; leaf++) {
                    models.add(leaf(family, level, leaf));
                }
            }
        }
        return models;
    }

    static String chain(int family, int level) {
        return "dtmi:twinsync:rec:" + FAMILY_NAMES[family] + ":L" + level + ";1";
    }

    static String leafId(int family, int level, int leaf) {
        return "dtmi:twinsync:rec:" + FAMILY_NAMES[family] + ":L" + level + ":Leaf" + leaf + ";1";
    }

    static String capabilityId(int family) {
        return "dtmi:twinsync:rec:capability:" + FAMILY_NAMES[family] + ";1";
    }

    /** The primitive property of a chain node, such as {@code f2l7Value}, and its schema. */
    static String valueProperty(int family, int level) {
        return "f" + family + "l" + level + "Value";
    }

    static String valueSchema(int family, int level) {
        return PRIMITIVES[(family + level) % PRIMITIVES.length];
    }

    /**
     * A status Enum declared in every chain node's own {@code schemas}: DTDL lets an interface reuse only the schemas
     * it declares itself, not those of the interfaces it extends (DTDL v3 spec, "Interface schemas").
     */
    static String statusEnum(int family, int level) {
        return "dtmi:twinsync:rec:" + FAMILY_NAMES[family] + ":L" + level + ":Status;1";
    }

    /** A status property (an Enum of the node's own schemas) on every chain node. */
    static String statusProperty(int family, int level) {
        return "f" + family + "l" + level + "Status";
    }

    /** An Object property {@code {street, zip, floors:integer}} on even levels. */
    static String addressProperty(int family, int level) {
        return "f" + family + "l" + level + "Address";
    }

    /** A Map of string to double on odd levels. */
    static String readingsProperty(int family, int level) {
        return "f" + family + "l" + level + "Readings";
    }

    /** The relationship of a chain node at level 1 and deeper; it targets {@link #relationshipTarget}. */
    static String relationshipName(int family, int level) {
        return "f" + family + "l" + level + "FeedsInto";
    }

    static String relationshipTarget(int family, int level) {
        return chain((family + 1) % FAMILIES, level / 2);
    }

    static String componentName(int family) {
        return "cap" + family;
    }

    private static String root() {
        ObjectNode model = model(ROOT, "Entity");
        ArrayNode contents = model.putArray("contents");
        property(contents, "name", "string");
        contents.addObject().put("@type", "Property").put("name", "identifiers").set("schema", mapOf("string"));
        return text(model);
    }

    private static String capability(int family) {
        ObjectNode model = model(capabilityId(family), FAMILY_NAMES[family] + " capability");
        ArrayNode contents = model.putArray("contents");
        property(contents, "setpoint", "double");
        property(contents, "mode", "string");
        contents.addObject().put("@type", "Telemetry").put("name", "reading").put("schema", "double");
        return text(model);
    }

    private static String chainNode(int family, int level) {
        ObjectNode model = model(chain(family, level), FAMILY_NAMES[family] + " level " + level);
        model.put("extends", level == 0 ? ROOT : chain(family, level - 1));
        ObjectNode status = model.putArray("schemas").addObject();
        status.put("@id", statusEnum(family, level)).put("@type", "Enum").put("valueSchema", "string");
        ArrayNode values = status.putArray("enumValues");
        for (String value : List.of("active", "planned", "retired")) {
            values.addObject().put("name", value).put("enumValue", value);
        }
        ArrayNode contents = model.putArray("contents");
        property(contents, valueProperty(family, level), valueSchema(family, level));
        property(contents, statusProperty(family, level), statusEnum(family, level));
        if (level % 2 == 0) {
            ObjectNode address = JSON.createObjectNode().put("@type", "Object");
            ArrayNode fields = address.putArray("fields");
            fields.addObject().put("name", "street").put("schema", "string");
            fields.addObject().put("name", "zip").put("schema", "string");
            fields.addObject().put("name", "floors").put("schema", "integer");
            contents.addObject()
                    .put("@type", "Property")
                    .put("name", addressProperty(family, level))
                    .set("schema", address);
        } else {
            contents.addObject()
                    .put("@type", "Property")
                    .put("name", readingsProperty(family, level))
                    .set("schema", mapOf("double"));
        }
        if (level >= 1) {
            ObjectNode relationship = contents.addObject()
                    .put("@type", "Relationship")
                    .put("name", relationshipName(family, level))
                    .put("target", relationshipTarget(family, level));
            ArrayNode properties = relationship.putArray("properties");
            properties.addObject().put("@type", "Property").put("name", "since").put("schema", "date");
            properties
                    .addObject()
                    .put("@type", "Property")
                    .put("name", "weight")
                    .put("schema", "double");
        }
        if (level == COMPONENT_LEVEL) {
            contents.addObject()
                    .put("@type", "Component")
                    .put("name", componentName(family))
                    .put("schema", capabilityId(family));
        }
        return text(model);
    }

    private static String leaf(int family, int level, int leaf) {
        ObjectNode model = model(leafId(family, level, leaf), FAMILY_NAMES[family] + " " + level + "." + leaf);
        model.put("extends", chain(family, level));
        ArrayNode contents = model.putArray("contents");
        property(contents, "f" + family + "l" + level + "x" + leaf + "Note", "string");
        return text(model);
    }

    private static ObjectNode model(String id, String displayName) {
        ObjectNode model = JSON.createObjectNode();
        model.put("@id", id).put("@type", "Interface").put("@context", "dtmi:dtdl:context;3");
        model.put("displayName", displayName);
        return model;
    }

    private static void property(ArrayNode contents, String name, String schema) {
        contents.addObject().put("@type", "Property").put("name", name).put("schema", schema);
    }

    private static ObjectNode mapOf(String valueSchema) {
        ObjectNode map = JSON.createObjectNode().put("@type", "Map");
        map.putObject("mapKey").put("name", "key").put("schema", "string");
        map.putObject("mapValue").put("name", "value").put("schema", valueSchema);
        return map;
    }

    private static String text(ObjectNode model) {
        return model.toString();
    }
}
