package io.twinsync.transform.mapping;

import java.util.List;
import java.util.Objects;

/**
 * How a row becomes a twin document.
 *
 * @param model the DTDL interface id of the twin ({@code $metadata.$model})
 * @param id the twin id template
 * @param properties the mapped properties, in the order the mapping lists them
 */
public record TwinSpec(String model, IdTemplate id, List<PropertySpec> properties) {

    public TwinSpec {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(id, "id");
        properties = List.copyOf(properties);
    }
}
