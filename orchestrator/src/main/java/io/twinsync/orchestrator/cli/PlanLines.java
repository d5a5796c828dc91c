package io.twinsync.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.writer.dryrun.PlannedChange;
import io.twinsync.writer.dryrun.PropertyChange;
import io.twinsync.writer.dryrun.WritePlan;
import io.twinsync.writer.report.ItemResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A dry run's plan as {@code run --dry-run} prints it: the counts, per entity, then each change (at most
 * {@value #MAX_CHANGES} twins and as many relationships, at most {@value #MAX_VALUES} values each: a first load's plan
 * is as long as the graph; the whole plan is in the batch's plan file and in {@code --output json}).
 */
final class PlanLines {

    static final int MAX_CHANGES = 40;
    static final int MAX_VALUES = 6;
    private static final int MAX_VALUE_WIDTH = 60;

    private PlanLines() {}

    static void print(PrintWriter out, WritePlan plan, String planFile) {
        out.printf(
                Locale.ROOT,
                "  plan       %,d models to upload; twins %s; relationships %s; %,d reads sent to plan it%n",
                plan.models().size(),
                counts(plan.twinCounts()),
                counts(plan.relationshipCounts()),
                plan.reads());
        if (plan.changes()) {
            printEntities(out, plan.entities());
        }
        plan.models().forEach(model -> out.printf("  + model         %s%n", model));
        printChanges(out, plan.twins(), "twin");
        printChanges(out, plan.relationships(), "relationship");
        if (!plan.problems().isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "  problems   %,d items the write would fail (the first %d):%n",
                    plan.problems().size(),
                    Math.min(plan.problems().size(), MAX_CHANGES));
            for (ItemResult problem :
                    plan.problems().subList(0, Math.min(plan.problems().size(), MAX_CHANGES))) {
                out.printf("             %s: %s: %s%n", problem.id(), problem.errorCode(), problem.message());
            }
        }
        out.printf("  plan file  %s%n", planFile);
    }

    /** The entities with something to write, by name. */
    private static void printEntities(PrintWriter out, Map<String, WritePlan.EntityPlan> entities) {
        int width = Math.max(
                "entity".length(),
                entities.keySet().stream().mapToInt(String::length).max().orElse(0));
        String row = "             %-" + width + "s  %8s %8s %8s  %8s %8s %8s%n";
        out.printf(row, "entity", "twins +", "~", "-", "rels +", "~", "-");
        entities.entrySet().stream()
                .filter(e ->
                        changes(e.getValue().twins()) + changes(e.getValue().relationships()) > 0)
                .forEach(e -> printEntity(out, row, e.getKey(), e.getValue()));
    }

    private static long changes(OutcomeCounts c) {
        return c.created() + c.patched() + c.deleted() + c.failed();
    }

    private static void printEntity(PrintWriter out, String row, String entity, WritePlan.EntityPlan counts) {
        out.printf(
                Locale.ROOT,
                row,
                entity,
                count(counts.twins().created()),
                count(counts.twins().patched()),
                count(counts.twins().deleted()),
                count(counts.relationships().created()),
                count(counts.relationships().patched()),
                count(counts.relationships().deleted()));
    }

    private static void printChanges(PrintWriter out, List<PlannedChange> changes, String kind) {
        for (PlannedChange change : changes.subList(0, Math.min(changes.size(), MAX_CHANGES))) {
            out.printf("  %s %-13s %s%n", symbol(change.action()), kind, describe(change));
            List<PropertyChange> values = change.changes();
            for (PropertyChange value : values.subList(0, Math.min(values.size(), MAX_VALUES))) {
                out.printf("                    %s  %s%n", value.path(), value(change.action(), value));
            }
            if (values.size() > MAX_VALUES) {
                out.printf("                    ... %d more values%n", values.size() - MAX_VALUES);
            }
        }
        if (changes.size() > MAX_CHANGES) {
            out.printf(
                    Locale.ROOT, "  ... %,d more %s changes, in the plan file%n", changes.size() - MAX_CHANGES, kind);
        }
    }

    private static String describe(PlannedChange change) {
        StringBuilder text = new StringBuilder();
        if (change.relationship()) {
            text.append(change.twinId())
                    .append(" -")
                    .append(change.name() == null ? "?" : change.name())
                    .append("-> ")
                    .append(change.targetId() == null ? "?" : change.targetId())
                    .append("  (")
                    .append(change.relationshipId())
                    .append(')');
        } else {
            text.append(change.twinId());
            if (change.model() != null) {
                text.append("  ").append(change.model());
            }
        }
        if (change.entity() != null) {
            text.append("  entity ").append(change.entity());
        }
        return text.toString();
    }

    private static String value(PlannedChange.Action action, PropertyChange value) {
        if (action == PlannedChange.Action.CREATE) {
            return json(value.after());
        }
        if (value.after() == null) {
            return json(value.before()) + " -> (removed)";
        }
        return json(value.before()) + " -> " + json(value.after());
    }

    /** A value as JSON, cut to a line; "?" where the old value is not known without a read the write would not make. */
    private static String json(JsonNode value) {
        if (value == null) {
            return "?";
        }
        String text = value.toString();
        return text.length() > MAX_VALUE_WIDTH ? text.substring(0, MAX_VALUE_WIDTH - 3) + "..." : text;
    }

    private static String symbol(PlannedChange.Action action) {
        return switch (action) {
            case CREATE -> "+";
            case PATCH -> "~";
            case DELETE -> "-";
        };
    }

    private static String counts(OutcomeCounts c) {
        return String.format(
                Locale.ROOT,
                "%,d to create, %,d to patch, %,d to delete, %,d unchanged%s",
                c.created(),
                c.patched(),
                c.deleted(),
                c.unchanged(),
                c.failed() == 0 ? "" : String.format(Locale.ROOT, ", %,d that would fail", c.failed()));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
