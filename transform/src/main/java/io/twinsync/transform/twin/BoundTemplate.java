package io.twinsync.transform.twin;

import io.twinsync.staging.rows.StagedRow;
import io.twinsync.transform.convert.ValueText;
import io.twinsync.transform.mapping.IdNormalization;
import io.twinsync.transform.mapping.IdTemplate;
import java.util.ArrayList;
import java.util.List;

/** An {@link IdTemplate} whose columns are resolved to positions in one staged file, so rows render fast. */
final class BoundTemplate {

    private final IdTemplate template;
    private final List<IdTemplate.Part> parts;
    private final int[] indexes;
    private final IdNormalization normalization;

    private BoundTemplate(IdTemplate template, int[] indexes) {
        this.template = template;
        this.parts = template.parts();
        this.indexes = indexes;
        this.normalization = template.normalization();
    }

    /** Binds a template, or returns null (having reported each missing column) when a column is not staged. */
    static BoundTemplate bind(IdTemplate template, ColumnBinder columns, String at) {
        int[] indexes = new int[template.parts().size()];
        boolean complete = true;
        for (int i = 0; i < indexes.length; i++) {
            if (template.parts().get(i) instanceof IdTemplate.ColumnRef ref) {
                indexes[i] = columns.indexOf(ref.column(), at);
                complete &= indexes[i] >= 0;
            } else {
                indexes[i] = -1;
            }
        }
        return complete ? new BoundTemplate(template, indexes) : null;
    }

    String text() {
        return template.text();
    }

    /**
     * Renders the template for a row, normalised as its {@link IdNormalization} says; when a column is NULL the result
     * names the NULL columns instead.
     */
    Rendered render(StagedRow row) {
        StringBuilder text = new StringBuilder();
        List<String> nullColumns = null;
        for (int i = 0; i < indexes.length; i++) {
            IdTemplate.Part part = parts.get(i);
            if (part instanceof IdTemplate.Literal literal) {
                text.append(literal.text());
                continue;
            }
            Object value = row.get(indexes[i]);
            if (value == null) {
                if (nullColumns == null) {
                    nullColumns = new ArrayList<>();
                }
                nullColumns.add(((IdTemplate.ColumnRef) part).column());
            } else {
                text.append(normalization.columnText(ValueText.of(value)));
            }
        }
        return nullColumns == null
                ? new Rendered(normalization.finish(text.toString()), List.of())
                : new Rendered(null, nullColumns);
    }

    /**
     * A rendered template.
     *
     * @param text the id, or null when a column was NULL
     * @param nullColumns the template's columns that were NULL
     */
    record Rendered(String text, List<String> nullColumns) {

        boolean complete() {
            return text != null;
        }
    }
}
