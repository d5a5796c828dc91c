package io.twinsync.transform.dtdl;

import java.util.List;
import java.util.Objects;

/** The schema of a property as far as transform needs it: a primitive, an enum, or something it cannot fill. */
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

    /** A schema transform cannot fill from one column (Object, Map, Array, geospatial, or unknown). */
    record Unsupported(String description) implements DtdlSchema {

        @Override
        public String describe() {
            return description;
        }
    }
}
