package io.twinsync.dtdl.model;

/**
 * One element of an interface's {@code contents}: a Property, Relationship, Component, Telemetry or Command.
 * {@link #declaredIn()} is the interface that declares it, which differs from a twin's model when inherited.
 */
public sealed interface DtdlContent permits DtdlProperty, DtdlRelationship, DtdlComponent, DtdlTelemetry, DtdlCommand {

    String name();

    String declaredIn();

    /** The DTDL class, for messages: {@code Property}, {@code Relationship}, ... */
    default String kind() {
        return getClass().getSimpleName().substring("Dtdl".length());
    }
}
