package io.twinsync.transform.mapping;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a row becomes a twin document.
 *
 * @param model the DTDL interface id of the twin ({@code $metadata.$model})
 * @param id the twin id template
 * @param properties the mapped properties, in the order the mapping lists them
 * @param deleted the column marking deleted rows, or null when rows are never tombstones
 */
public record TwinSpec(String model, IdTemplate id, List<PropertySpec> properties, DeletionFlag deleted) {

    public TwinSpec {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(id, "id");
        properties = List.copyOf(properties);
    }

    /** A twin without a deletion flag. */
    public TwinSpec(String model, IdTemplate id, List<PropertySpec> properties) {
        this(model, id, properties, null);
    }

    /** The deletion flag, when the mapping gives one. */
    public Optional<DeletionFlag> deletion() {
        return Optional.ofNullable(deleted);
    }
}
