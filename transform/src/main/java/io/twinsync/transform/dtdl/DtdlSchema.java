package io.twinsync.transform.dtdl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The schema of a property as far as transform needs it: a primitive, an enum, an Object, Map or Array of those, or
 * something it cannot fill.
 */
public sealed interface DtdlSchema {

    /** For messages, such as {@code integer} or {@code Enum dtmi:..;1 (string)}. */
    String describe();

    /** A primitive schema such as {@code integer}. */
    record Primitive(PrimitiveSchema kind) implements DtdlSchema {

        public Primitive {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String describe() {
            return kind.term();
        }
    }

    /**
     * An Enum: named values of one value schema ({@code string} or {@code integer}).
     *
     * @param id the enum's {@code @id}, or null when it has none
     */
    record EnumType(String id, PrimitiveSchema valueSchema, List<EnumValue> values) implements DtdlSchema {

        public EnumType {
            Objects.requireNonNull(valueSchema, "valueSchema");
            values = List.copyOf(values);
        }

        @Override
        public String describe() {
            return "Enum" + (id == null ? "" : " " + id) + " (" + valueSchema.term() + ": "
                    + values.stream().map(v -> v.name() + "=" + v.value()).toList() + ")";
        }
    }

    /**
     * One value of an enum.
     *
     * @param value a {@link String} or a {@link Long}, as the enum's value schema says
     */
    record EnumValue(String name, Object value) {

        public EnumValue {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A DTDL Object: named fields, each with its own schema.
     *
     * @param fields the fields in declaration order
     */
    record ObjectType(String id, Map<String, DtdlSchema> fields) implements DtdlSchema {

        public ObjectType {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public String describe() {
            return "Object" + (id == null ? "" : " " + id) + " " + fields.keySet();
        }
    }

    /**
     * A DTDL Map: string keys (named {@code keyName} in the model) to values of one schema.
     *
     * @param keyName the {@code mapKey} name, for messages
     */
    record MapType(String id, String keyName, DtdlSchema valueSchema) implements DtdlSchema {

        public MapType {
            Objects.requireNonNull(valueSchema, "valueSchema");
        }

        @Override
        public String describe() {
            return "Map" + (id == null ? "" : " " + id) + " (" + keyName + " -> " + valueSchema.describe() + ")";
        }
    }

    /** A DTDL Array of elements of one schema; element order is kept. */
    record ArrayType(String id, DtdlSchema elementSchema) implements DtdlSchema {

        public ArrayType {
            Objects.requireNonNull(elementSchema, "elementSchema");
        }

        @Override
        public String describe() {
            return "Array" + (id == null ? "" : " " + id) + " of " + elementSchema.describe();
        }
    }

    /** A schema transform cannot fill from one column (geospatial, or unknown). */
    record Unsupported(String description) implements DtdlSchema {

        @Override
        public String describe() {
            return description;
        }
    }
}
