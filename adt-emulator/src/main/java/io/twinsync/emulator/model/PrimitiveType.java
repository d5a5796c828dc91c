package io.twinsync.emulator.model;

import java.util.Arrays;
import java.util.Optional;

/** The DTDL primitive (and geospatial) schemas, by their DTDL names. */
public enum PrimitiveType {
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
    // DTDL v3 additions
    BYTE("byte"),
    BYTES("bytes"),
    DECIMAL("decimal"),
    SHORT("short"),
    UNSIGNED_BYTE("unsignedByte"),
    UNSIGNED_SHORT("unsignedShort"),
    UNSIGNED_INTEGER("unsignedInteger"),
    UNSIGNED_LONG("unsignedLong"),
    UUID("uuid"),
    // geospatial schemas: GeoJSON objects, checked only for being objects
    POINT("point"),
    MULTI_POINT("multiPoint"),
    LINE_STRING("lineString"),
    MULTI_LINE_STRING("multiLineString"),
    POLYGON("polygon"),
    MULTI_POLYGON("multiPolygon");

    private final String dtdlName;

    PrimitiveType(String dtdlName) {
        this.dtdlName = dtdlName;
    }

    public String dtdlName() {
        return dtdlName;
    }

    public static Optional<PrimitiveType> fromDtdlName(String name) {
        return Arrays.stream(values()).filter(t -> t.dtdlName.equals(name)).findFirst();
    }
}
