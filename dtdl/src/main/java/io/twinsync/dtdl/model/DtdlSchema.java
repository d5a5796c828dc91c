package io.twinsync.dtdl.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The schema of a Property, Telemetry, relationship property or field, with every reference to a named schema
 * resolved. Complex schemas carry their {@code @id} when the model gives one (null otherwise).
 */
public sealed interface DtdlSchema {

    /** For messages, such as {@code integer} or {@code Enum dtmi:..;1 (string: [on=on, off=off])}. */
    String describe();

    /** A primitive or geospatial schema such as {@code integer} or {@code point}. */
    record Primitive(PrimitiveSchema kind) implements DtdlSchema {

        public Primitive {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String describe() {
            return kind.term();
        }
    }

    /** An Enum: named values of one value schema, {@code string} or {@code integer}. */
    record EnumSchema(String id, PrimitiveSchema valueSchema, List<EnumValue> values) implements DtdlSchema {

        private static final int SHOWN = 8;

        public EnumSchema {
            Objects.requireNonNull(valueSchema, "valueSchema");
            values = List.copyOf(values);
        }

        /** For messages; a long Enum shows its first {@value #SHOWN} values and how many there are. */
        @Override
        public String describe() {
            List<String> shown = values.stream()
                    .limit(SHOWN)
                    .map(v -> v.name().equals(String.valueOf(v.value())) ? v.name() : v.name() + "=" + v.value())
                    .toList();
            return "Enum" + (id == null ? "" : " " + id) + " (" + valueSchema.term() + ": " + shown
                    + (values.size() > SHOWN ? " and " + (values.size() - SHOWN) + " more" : "") + ")";
        }
    }

    /**
     * One value of an Enum.
     *
     * @param value a {@link String} or a {@link Long}, as the Enum's value schema says
     */
    record EnumValue(String name, Object value) {

        public EnumValue {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** An Object: named fields in declaration order, each with its own schema; every field is optional. */
    record ObjectSchema(String id, Map<String, DtdlSchema> fields) implements DtdlSchema {

        public ObjectSchema {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public String describe() {
            return "Object" + (id == null ? "" : " " + id) + " " + fields.keySet();
        }
    }

    /**
     * A Map from string keys to values of one schema.
     *
     * @param keyName the {@code mapKey} name, for messages
     */
    record MapSchema(String id, String keyName, DtdlSchema valueSchema) implements DtdlSchema {

        public MapSchema {
            Objects.requireNonNull(valueSchema, "valueSchema");
        }

        @Override
        public String describe() {
            return "Map" + (id == null ? "" : " " + id) + " (" + keyName + " -> " + valueSchema.describe() + ")";
        }
    }

    /** An Array of elements of one schema (DTDL v3 allows it in Properties; v2 only in Telemetry and commands). */
    record ArraySchema(String id, DtdlSchema elementSchema) implements DtdlSchema {

        public ArraySchema {
            Objects.requireNonNull(elementSchema, "elementSchema");
        }

        @Override
        public String describe() {
            return "Array" + (id == null ? "" : " " + id) + " of " + elementSchema.describe();
        }
    }

    /**
     * A schema that could not be read (the reader reported why): a reference to a schema no model defines, or an
     * element that is not a schema. A set of models that reads without problems has none.
     */
    record Unknown(String description) implements DtdlSchema {

        @Override
        public String describe() {
            return description;
        }
    }
}
