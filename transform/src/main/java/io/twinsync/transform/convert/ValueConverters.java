package io.twinsync.transform.convert;

import io.twinsync.dtdl.model.DtdlSchema;
import java.util.Optional;

/** Picks the converter for a DTDL schema, and says which schemas have none. */
public final class ValueConverters {

    private ValueConverters() {}

    /**
     * Why transform cannot fill a value of this schema from a column, in words that can follow "has schema", such as
     * {@code point, a geospatial (GeoJSON) schema}; empty when it can. Geospatial schemas are GeoJSON objects that an
     * ERP column does not hold; {@link DtdlSchema.Unknown} is a schema the models do not define (the reader reported
     * why).
     */
    public static Optional<String> unfillable(DtdlSchema schema) {
        if (schema instanceof DtdlSchema.Primitive primitive && primitive.kind().isGeospatial()) {
            return Optional.of(primitive.describe() + ", a geospatial (GeoJSON) schema");
        }
        if (schema instanceof DtdlSchema.Unknown unknown) {
            return Optional.of("that could not be read (" + unknown.describe() + ")");
        }
        return Optional.empty();
    }

    /**
     * The converter that fills a property of this schema.
     *
     * @throws IllegalArgumentException for a schema transform cannot fill (see {@link #unfillable}); the mapping
     *     loader rejects such mappings first
     */
    public static ValueConverter forSchema(DtdlSchema schema) {
        if (unfillable(schema).isPresent()) {
            throw new IllegalArgumentException(
                    "No converter for schema " + unfillable(schema).get());
        }
        if (schema instanceof DtdlSchema.EnumSchema enumSchema) {
            return new EnumConverter(enumSchema);
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
                case LINE_STRING, MULTI_LINE_STRING, MULTI_POINT, MULTI_POLYGON, POINT, POLYGON ->
                    throw new IllegalStateException("geospatial schemas are unfillable: " + primitive.describe());
            };
        }
        if (schema instanceof DtdlSchema.ObjectSchema
                || schema instanceof DtdlSchema.MapSchema
                || schema instanceof DtdlSchema.ArraySchema) {
            return new StructuredValueConverter(schema);
        }
        throw new IllegalArgumentException("No converter for schema " + schema.describe());
    }
}
