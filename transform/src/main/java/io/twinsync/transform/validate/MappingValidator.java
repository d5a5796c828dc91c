package io.twinsync.transform.validate;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.reject.Reject;
import io.twinsync.staging.rows.StagedRow;
import io.twinsync.staging.rows.StagedRowReader;
import io.twinsync.staging.rows.StagedSchema;
import io.twinsync.transform.mapping.EntityMapping;
import io.twinsync.transform.mapping.LinkMapping;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingProblem;
import io.twinsync.transform.mapping.MappingProblems;
import io.twinsync.transform.twin.EntityPlan;
import io.twinsync.transform.twin.EntityPlanner;
import io.twinsync.transform.twin.RowDryRun;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks a loaded mapping against sample staged rows, with the transform's own planning and row rules, and reports
 * every problem instead of stopping at the first: mapped columns the rows lack, column types a property cannot take,
 * and each reject a sample row would get. Writes nothing. (Problems of the mapping file itself stop
 * {@link io.twinsync.transform.mapping.MappingLoader}; turn its exception into a report with
 * {@link ValidationReport#of}.)
 */
public final class MappingValidator {

    private MappingValidator() {}

    /**
     * Checks the mapping against the rows files of a sample batch ({@code rows/{entity}.ndjson}, such as extract
     * writes with a row limit). Reads every row of those files; entities without one are not checked.
     *
     * @throws io.twinsync.staging.StagingException when a rows file cannot be read
     */
    public static ValidationReport validate(Mapping mapping, Batch sample) {
        Check check = new Check();
        for (EntityMapping entity : mapping.entities()) {
            String path = BatchLayout.rowsFile(entity.name());
            if (!sample.exists(path)) {
                continue;
            }
            try (StagedRowReader reader = new StagedRowReader(sample.open(path), sample.location() + "/" + path)) {
                check.entity(mapping, entity, reader.schema(), reader);
            }
        }
        for (LinkMapping link : mapping.links()) {
            String path = BatchLayout.rowsFile(link.name());
            if (!sample.exists(path)) {
                continue;
            }
            try (StagedRowReader reader = new StagedRowReader(sample.open(path), sample.location() + "/" + path)) {
                check.link(mapping, link, reader.schema(), reader);
            }
        }
        return check.report(mapping);
    }

    /**
     * Checks the mapping against staged schemas and sample rows held in memory, both by entity name; an entity
     * without a schema is not checked, one without rows has its columns checked only.
     */
    public static ValidationReport validate(
            Mapping mapping, Map<String, StagedSchema> stagedSchemas, Map<String, List<StagedRow>> sampleRows) {
        Check check = new Check();
        for (EntityMapping entity : mapping.entities()) {
            StagedSchema schema = stagedSchemas.get(entity.name());
            if (schema != null) {
                List<StagedRow> rows = sampleRows.getOrDefault(entity.name(), List.of());
                check.entity(mapping, entity, schema, rows.iterator());
            }
        }
        for (LinkMapping link : mapping.links()) {
            StagedSchema schema = stagedSchemas.get(link.name());
            if (schema != null) {
                List<StagedRow> rows = sampleRows.getOrDefault(link.name(), List.of());
                check.link(mapping, link, schema, rows.iterator());
            }
        }
        return check.report(mapping);
    }

    /** The state of one validation: problems so far, rows checked, and twin ids seen (for duplicates). */
    private static final class Check {

        private final List<ValidationProblem> problems = new ArrayList<>();
        private final Map<String, Long> rowsChecked = new LinkedHashMap<>();
        private final RowDryRun dryRun = new RowDryRun();

        void entity(Mapping mapping, EntityMapping entity, StagedSchema schema, Iterator<StagedRow> rows) {
            MappingProblems planProblems = new MappingProblems();
            Optional<EntityPlan> plan = EntityPlanner.planEntity(entity, mapping.models(), schema, planProblems);
            rows(entity.name(), planProblems, plan, rows);
        }

        void link(Mapping mapping, LinkMapping link, StagedSchema schema, Iterator<StagedRow> rows) {
            MappingProblems planProblems = new MappingProblems();
            Optional<EntityPlan> plan = EntityPlanner.planLink(link, mapping, schema, planProblems);
            rows(link.name(), planProblems, plan, rows);
        }

        private void rows(
                String entity, MappingProblems planProblems, Optional<EntityPlan> plan, Iterator<StagedRow> rows) {
            planProblems.problems().forEach(p -> problems.add(mappingProblem(entity, p)));
            if (plan.isEmpty()) {
                return;
            }
            long count = 0;
            while (rows.hasNext()) {
                count++;
                dryRun.check(plan.get(), rows.next()).forEach(r -> problems.add(rowProblem(r)));
            }
            rowsChecked.put(entity, count);
        }

        ValidationReport report(Mapping mapping) {
            List<String> notChecked = Stream.concat(
                            mapping.entities().stream().map(EntityMapping::name),
                            mapping.links().stream().map(LinkMapping::name))
                    .filter(name -> !rowsChecked.containsKey(name))
                    .toList();
            return new ValidationReport(mapping.source(), problems, rowsChecked, notChecked);
        }

        private static ValidationProblem mappingProblem(String entity, MappingProblem p) {
            return new ValidationProblem(
                    p.kind().name(),
                    p.entity() != null ? p.entity() : entity,
                    0,
                    Map.of(),
                    p.field(),
                    p.value(),
                    p.message());
        }

        private static ValidationProblem rowProblem(Reject r) {
            return new ValidationProblem(
                    r.code(), r.entity(), r.rowNumber(), r.rowKey(), r.field(), r.value(), r.reason());
        }
    }
}
