package io.twinsync.dtdl.model;

import java.util.Objects;

/** A Command content: an operation on a twin; a twin cannot hold it as a property. */
public record DtdlCommand(String name, String declaredIn) implements DtdlContent {

    public DtdlCommand {
        Objects.requireNonNull(name, "name");
    }
}
