package io.twinsync.extract.copied;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.rows.StagedColumn;
import io.twinsync.staging.rows.StagedSchema;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The staged columns of a copied file, found by reading it once: every field of its objects in the order first seen,
 * each typed by {@link CopiedValueKind#merge} over all its values, then every mapped column the file never has
 * (staged as text, always null). Lines that are not objects are skipped here; the second read sets them aside.
 */
final class CopiedColumns {

    private final Map<String, CopiedValueKind> byFoldedName = new LinkedHashMap<>();
    private final Map<String, String> spelling = new LinkedHashMap<>();

    private CopiedColumns() {}

    static CopiedColumns scan(InputStream in, String file, CopiedEntity entity) {
        CopiedColumns columns = new CopiedColumns();
        try (CopiedLines lines = new CopiedLines(in, file)) {
            for (CopiedLines.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.object() == null) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> fields =
                                line.object().fields();
                        fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    columns.see(field.getKey(), CopiedValueKind.of(field.getValue()));
                }
            }
        }
        for (String mapped : entity.mappedColumns()) {
            columns.see(mapped, null);
        }
        return columns;
    }

    private void see(String name, CopiedValueKind kind) {
        String folded = name.toLowerCase(Locale.ROOT);
        spelling.putIfAbsent(folded, name);
        byFoldedName.put(folded, CopiedValueKind.merge(byFoldedName.get(folded), kind));
    }

    /** The columns' names, as the file (or, for a column it never has, the mapping) spells them. */
    List<String> names() {
        return List.copyOf(spelling.values());
    }

    /** Whether the column at {@code index} (in {@link #names()} order) has a value in some line. */
    boolean hasValues(int index) {
        return new ArrayList<>(byFoldedName.values()).get(index) != null;
    }

    /** Each column's kind, in {@link #names()} order; STRING for a column that is always null. */
    List<CopiedValueKind> kinds() {
        List<CopiedValueKind> kinds = new ArrayList<>();
        byFoldedName.values().forEach(kind -> kinds.add(kind == null ? CopiedValueKind.STRING : kind));
        return kinds;
    }

    StagedSchema schema(CopiedEntity entity) {
        List<StagedColumn> staged = new ArrayList<>();
        List<String> names = names();
        List<CopiedValueKind> kinds = kinds();
        for (int i = 0; i < names.size(); i++) {
            staged.add(new StagedColumn(names.get(i), kinds.get(i).type()));
        }
        return new StagedSchema(entity.name(), entity.keyColumns(), staged);
    }
}
