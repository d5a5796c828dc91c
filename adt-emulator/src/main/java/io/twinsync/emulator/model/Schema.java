package io.twinsync.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A DTDL schema: a primitive, an inline complex schema, or a reference to a named schema by its DTMI. */
public sealed interface Schema {

    /** A primitive such as {@code integer} or {@code dateTime}. */
    record Primitive(PrimitiveType type) implements Schema {}

    /** An Enum: the value must equal one of the enum values (of type integer or string). */
    record EnumOf(PrimitiveType valueType, List<EnumValue> values) implements Schema {
        public EnumOf {
            values = List.copyOf(values);
        }
    }

    /** One value of an Enum. */
    record EnumValue(String name, JsonNode value) {}

    /** An Object: a JSON object whose keys must be declared fields; fields are optional. */
    record ObjectOf(Map<String, Schema> fields) implements Schema {
        public ObjectOf {
            fields = Map.copyOf(fields);
        }
    }

    /** A Map from string keys to values of one schema. */
    record MapOf(Schema valueSchema) implements Schema {}

    /** An Array of elements of one schema. */
    record ArrayOf(Schema elementSchema) implements Schema {}

    /** A reference to a schema declared elsewhere with an {@code @id}. */
    record Reference(String id) implements Schema {}
}
