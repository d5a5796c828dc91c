package io.twinsync.transform.mapping;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entity of the mapping: the rows of one source query, each of which becomes one twin.
 *
 * @param name the entity name; its staged rows are {@code rows/{name}.ndjson}
 * @param source where the rows come from
 * @param twin how a row becomes a twin
 * @param relationships the twin's outgoing relationships
 */
public record EntityMapping(String name, SourceSpec source, TwinSpec twin, List<RelationshipSpec> relationships) {

    public EntityMapping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(twin, "twin");
        relationships = List.copyOf(relationships);
    }

    /** Every column the mapping reads (key, templates, properties, deletion flag), in first-use order, as written. */
    public Set<String> columns() {
        Set<String> columns = new LinkedHashSet<>(source.keyColumns());
        columns.addAll(twin.id().columns());
        twin.properties().forEach(p -> columns.addAll(p.source().columns()));
        twin.deletion().ifPresent(d -> columns.add(d.column()));
        for (RelationshipSpec r : relationships) {
            columns.addAll(r.target().columns());
            r.explicitId().ifPresent(id -> columns.addAll(id.columns()));
            r.properties().forEach(p -> columns.addAll(p.source().columns()));
        }
        return Collections.unmodifiableSet(columns);
    }
}
