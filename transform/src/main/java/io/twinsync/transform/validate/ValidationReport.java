package io.twinsync.transform.validate;

import io.twinsync.transform.mapping.MappingException;
import io.twinsync.transform.mapping.MappingProblem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything {@link MappingValidator} found: every problem of the mapping and of the sample rows, and how many sample
 * rows of each entity were checked.
 *
 * @param mapping the mapping checked (a path or {@code classpath:...})
 * @param problems every problem, mapping problems of an entity before its rows' problems
 * @param rowsChecked sample rows checked per entity, in mapping order; an entity with no rows file in the sample is
 *     absent, and so are entities whose mapping does not fit their staged columns (rows cannot be checked then)
 * @param notChecked the entities whose sample rows were not checked, for either reason, in mapping order
 */
public record ValidationReport(
        String mapping, List<ValidationProblem> problems, Map<String, Long> rowsChecked, List<String> notChecked) {

    /** {@code entity 'name': key.path: rest}, the shape of the loader's messages about one entity. */
    private static final Pattern ENTITY_MESSAGE =
            Pattern.compile("entity '([^']*)': (?:([\\w.\\[\\]-]+): )?.*", Pattern.DOTALL);

    public ValidationReport {
        Objects.requireNonNull(mapping, "mapping");
        problems = List.copyOf(problems);
        rowsChecked = Collections.unmodifiableMap(new LinkedHashMap<>(rowsChecked));
        notChecked = List.copyOf(notChecked);
    }

    /** The report for a mapping that does not load: its problems, and no rows checked. */
    public static ValidationReport of(MappingException e) {
        List<ValidationProblem> problems =
                e.problems().stream().map(ValidationReport::mappingProblem).toList();
        return new ValidationReport(e.source(), problems, Map.of(), List.of());
    }

    /** Whether nothing was found wrong. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** Every problem and what was checked, for people: one problem per line, then a summary line. */
    public String toText() {
        StringBuilder text = new StringBuilder("Mapping ").append(mapping).append('\n');
        for (ValidationProblem p : problems) {
            text.append("  ").append(p.code());
            if (p.isRowProblem()) {
                text.append(" entity '")
                        .append(p.entity())
                        .append("' row ")
                        .append(p.rowNumber())
                        .append(" key ")
                        .append(p.rowKey());
                if (p.field() != null) {
                    text.append(" field ").append(p.field());
                }
            }
            text.append(": ").append(p.message()).append('\n');
        }
        long rows = rowsChecked.values().stream().mapToLong(Long::longValue).sum();
        text.append("Checked ").append(rows).append(rows == 1 ? " sample row" : " sample rows");
        if (!rowsChecked.isEmpty()) {
            text.append(" (");
            String separator = "";
            for (Map.Entry<String, Long> e : rowsChecked.entrySet()) {
                text.append(separator).append(e.getKey()).append(' ').append(e.getValue());
                separator = ", ";
            }
            text.append(')');
        }
        if (!notChecked.isEmpty()) {
            text.append("; not checked: ").append(String.join(", ", notChecked));
        }
        text.append(": ");
        if (problems.isEmpty()) {
            text.append("no problems.");
        } else {
            text.append(problems.size()).append(problems.size() == 1 ? " problem." : " problems.");
        }
        return text.append('\n').toString();
    }

    private static ValidationProblem mappingProblem(String message) {
        Matcher m = ENTITY_MESSAGE.matcher(message);
        boolean aboutEntity = m.matches();
        return new ValidationProblem(
                MappingProblem.Kind.INVALID_MAPPING.name(),
                aboutEntity ? m.group(1) : null,
                0,
                Map.of(),
                aboutEntity ? m.group(2) : null,
                null,
                message);
    }
}
