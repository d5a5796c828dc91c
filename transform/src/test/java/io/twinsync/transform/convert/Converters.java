package io.twinsync.transform.convert;

import io.twinsync.dtdl.model.DtdlSchema;
import io.twinsync.dtdl.model.PrimitiveSchema;

/** Test shorthand for the converter of a primitive schema. */
final class Converters {

    private Converters() {}

    static ValueConverter of(PrimitiveSchema schema) {
        return ValueConverters.forSchema(new DtdlSchema.Primitive(schema));
    }
}
