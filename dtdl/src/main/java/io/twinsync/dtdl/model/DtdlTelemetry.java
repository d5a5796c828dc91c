package io.twinsync.dtdl.model;

import java.util.Objects;

/** A Telemetry content: data a twin emits; a twin cannot hold it as a property. */
public record DtdlTelemetry(String name, DtdlSchema schema, String declaredIn) implements DtdlContent {

    public DtdlTelemetry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
    }
}
