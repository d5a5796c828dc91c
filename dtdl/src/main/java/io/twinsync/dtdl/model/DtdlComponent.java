package io.twinsync.dtdl.model;

import java.util.Objects;

/** A Component: a named part of a twin shaped by another interface ({@code schema}), held by value. */
public record DtdlComponent(String name, String interfaceId, String declaredIn) implements DtdlContent {

    public DtdlComponent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interfaceId, "interfaceId");
    }
}
