package io.twinsync.dtdl.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Relationship of an interface.
 *
 * @param target the interface a target twin must be (or extend); empty when any twin may be the target. DTDL gives a
 *     target "by reference" semantics: the interface it names need not be among the models (DTDL v3 spec,
 *     Relationship), and Azure Digital Twins accepts such a model (recorded: ModelsTest.modelLifecycleTest)
 * @param properties the relationship's own properties by name, in declaration order
 */
public record DtdlRelationship(
        String name,
        Optional<String> target,
        Map<String, DtdlProperty> properties,
        OptionalInt minMultiplicity,
        OptionalInt maxMultiplicity,
        boolean writable,
        String declaredIn)
        implements DtdlContent {

    public DtdlRelationship {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
