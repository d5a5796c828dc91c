package io.twinsync.transform.mapping;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One link entity of the mapping ({@code relationship:} instead of {@code twin:}): the rows of one source query,
 * such as a many-to-many table {@code asset_tag(asset_id, tag_id, ...)}, each of which becomes one relationship
 * between two twins. Its relationships belong to the twins of {@code sourceEntity}: transform writes them into
 * those twins' files, so the writer applies them, and removes stale ones, with the twin's own relationships.
 *
 * @param name the entity name; its staged rows are {@code rows/{name}.ndjson}
 * @param source where the rows come from; with a watermark, transform merges the rows changed since the last
 *     committed batch with the relationships that batch had (a row deleted outright is then not seen: flag it with
 *     {@code deleted})
 * @param sourceEntity the twin entity whose twins the relationships go out from
 * @param sourceId the source twin id template; it must render the ids {@code sourceEntity} gives its twins
 * @param relationship the relationship's name (in the source entity's model), target, id, properties and stale rule
 * @param deleted the column marking deleted link rows, or null when no column does; a flagged row gives no
 *     relationship, so with {@code stale: remove} the writer deletes it
 * @param missing the largest share of the relationships the last committed batch had that one whole read may remove
 *     because their rows are gone ({@code relationship.missingLimit}, default half): above it none is removed and the
 *     batch reports why, since a link query that came back empty or cut short would otherwise remove them all
 */
public record LinkMapping(
        String name,
        SourceSpec source,
        String sourceEntity,
        IdTemplate sourceId,
        RelationshipSpec relationship,
        DeletionFlag deleted,
        MissingRows missing) {

    public LinkMapping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceEntity, "sourceEntity");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(missing, "missing");
    }

    /** The deletion flag, when the mapping gives one. */
    public Optional<DeletionFlag> deletion() {
        return Optional.ofNullable(deleted);
    }

    /** Every column the mapping reads (key, templates, properties, deletion flag), in first-use order, as written. */
    public Set<String> columns() {
        Set<String> columns = new LinkedHashSet<>(source.keyColumns());
        columns.addAll(sourceId.columns());
        columns.addAll(relationship.target().columns());
        relationship.explicitId().ifPresent(id -> columns.addAll(id.columns()));
        relationship.properties().forEach(p -> columns.addAll(p.source().columns()));
        deletion().ifPresent(d -> columns.add(d.column()));
        return Collections.unmodifiableSet(columns);
    }
}
