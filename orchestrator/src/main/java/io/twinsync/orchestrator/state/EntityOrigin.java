package io.twinsync.orchestrator.state;

import io.twinsync.transform.mapping.EntityMapping;
import io.twinsync.transform.mapping.LinkMapping;
import io.twinsync.transform.mapping.SourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where an entity's twins come from: the source database, what is read from it, and how rows become twins. An
 * entity's sync state (its watermark, its presence list) is true only for the origin it was made with; when the
 * origin changes, the state is set aside and the entity is read whole.
 *
 * @param source the source's JDBC URL without credentials
 * @param read the table or query, key columns and watermark column
 * @param twins the twin model and id template
 */
public record EntityOrigin(String source, String read, String twins) {

    public EntityOrigin {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(twins, "twins");
    }

    /** The origin of a mapping entity read from {@code source} (a JDBC URL already free of credentials). */
    public static EntityOrigin of(String source, EntityMapping entity) {
        String twins =
                "model " + entity.twin().model() + "; id " + entity.twin().id();
        return new EntityOrigin(source, read(entity.source()), twins);
    }

    /** The origin of a link entity read from {@code source}: its relationships in place of twins. */
    public static EntityOrigin of(String source, LinkMapping link) {
        String relationships =
                "relationship " + link.relationship().name() + " of entity " + link.sourceEntity() + "; source "
                        + link.sourceId() + "; target " + link.relationship().target();
        return new EntityOrigin(source, read(link.source()), relationships);
    }

    private static String read(SourceSpec from) {
        String what = from.table() != null
                ? "table " + from.table()
                : "query " + from.query().strip().replaceAll("\\s+", " ");
        return what + "; key " + String.join(", ", from.keyColumns())
                + (from.watermark() == null ? "" : "; watermark " + from.watermark())
                + (from.changeTracking() ? "; change tracking" : "");
    }

    /** What changed since {@code earlier}, in words, or an empty string when nothing did. */
    public String changesSince(EntityOrigin earlier) {
        List<String> changes = new ArrayList<>();
        if (!source.equals(earlier.source)) {
            changes.add("the source changed (was " + earlier.source + ")");
        }
        if (!read.equals(earlier.read)) {
            changes.add("its table, query, key or watermark changed (was " + cut(earlier.read) + ")");
        }
        if (!twins.equals(earlier.twins)) {
            changes.add("its model or twin id changed (was " + earlier.twins + ")");
        }
        return String.join("; ", changes);
    }

    private static String cut(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
