package io.twinsync.transform.convert;

import io.twinsync.transform.dtdl.DtdlSchema;

/** Picks the converter for a DTDL schema. */
public final class ValueConverters {

    private ValueConverters() {}

    /**
     * The converter that fills a property of this schema.
     *
     * @throws IllegalArgumentException for a schema transform cannot fill ({@link DtdlSchema.Unsupported}); the
     *     mapping loader rejects such mappings first
     */
    public static ValueConverter forSchema(DtdlSchema schema) {
        if (schema instanceof DtdlSchema.EnumType enumType) {
            return new EnumConverter(enumType);
        }
        if (schema instanceof DtdlSchema.Primitive primitive) {
            return switch (primitive.kind()) {
                case BOOLEAN -> BooleanConverter.INSTANCE;
                case DATE -> TemporalConverters.DATE;
                case DATE_TIME -> TemporalConverters.DATE_TIME;
                case TIME -> TemporalConverters.TIME;
                case DURATION -> TemporalConverters.DURATION_TEXT;
                case DOUBLE -> FloatingPointConverter.DOUBLE;
                case FLOAT -> FloatingPointConverter.FLOAT;
                case INTEGER -> IntegralConverter.INTEGER;
                case LONG -> IntegralConverter.LONG;
                case STRING -> StringConverter.INSTANCE;
            };
        }
        if (schema instanceof DtdlSchema.ObjectType
                || schema instanceof DtdlSchema.MapType
                || schema instanceof DtdlSchema.ArrayType) {
            return new StructuredValueConverter(schema);
        }
        throw new IllegalArgumentException("No converter for schema " + schema.describe());
    }
}
