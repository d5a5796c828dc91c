package io.twinsync.dtdl.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The DTDL primitive schemas and the geospatial schemas (GeoJSON objects), each with the term a model uses for it.
 * DTDL v2 and v3 define the same ones (the v3 spec's "Primitive schema" and "Geospatial Schemas"); the schemas DTDL v4
 * adds ({@code byte}, {@code uuid}, ...) are not among them because Azure Digital Twins reads v2 and v3 only.
 */
public enum PrimitiveSchema {
    BOOLEAN("boolean"),
    DATE("date"),
    DATE_TIME("dateTime"),
    DOUBLE("double"),
    DURATION("duration"),
    FLOAT("float"),
    INTEGER("integer"),
    LONG("long"),
    STRING("string"),
    TIME("time"),
    LINE_STRING("lineString"),
    MULTI_LINE_STRING("multiLineString"),
    MULTI_POINT("multiPoint"),
    MULTI_POLYGON("multiPolygon"),
    POINT("point"),
    POLYGON("polygon");

    private final String term;

    PrimitiveSchema(String term) {
        this.term = term;
    }

    /** The term as written in a model, such as {@code dateTime}. */
    public String term() {
        return term;
    }

    /** True for the GeoJSON schemas ({@code point}, {@code polygon}, ...). */
    public boolean isGeospatial() {
        return ordinal() >= LINE_STRING.ordinal();
    }

    /** True for {@code double}, {@code float}, {@code integer} and {@code long}, the schemas a semantic type allows. */
    public boolean isNumeric() {
        return this == DOUBLE || this == FLOAT || this == INTEGER || this == LONG;
    }

    public static Optional<PrimitiveSchema> fromTerm(String term) {
        return Arrays.stream(values()).filter(s -> s.term.equals(term)).findFirst();
    }
}
