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
 * @param deleted the column marking deleted rows, or null when no column does
 * @param missing whether twins whose rows are gone from a full read are deleted, or null when they are not
 */
public record TwinSpec(
        String model, IdTemplate id, List<PropertySpec> properties, DeletionFlag deleted, MissingRows missing) {

    public TwinSpec {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(id, "id");
        properties = List.copyOf(properties);
    }

    /** A twin without deletion by absence. */
    public TwinSpec(String model, IdTemplate id, List<PropertySpec> properties, DeletionFlag deleted) {
        this(model, id, properties, deleted, null);
    }

    /** A twin without a deletion flag or deletion by absence. */
    public TwinSpec(String model, IdTemplate id, List<PropertySpec> properties) {
        this(model, id, properties, null, null);
    }

    /** Deletion by absence, when the mapping asks for it. */
    public Optional<MissingRows> missingRows() {
        return Optional.ofNullable(missing);
    }

    /** The deletion flag, when the mapping gives one. */
    public Optional<DeletionFlag> deletion() {
        return Optional.ofNullable(deleted);
    }
}
