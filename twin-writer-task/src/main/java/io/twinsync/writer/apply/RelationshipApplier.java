package io.twinsync.writer.apply;

import com.azure.core.exception.HttpResponseException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.writer.plan.PatchOperation;
import io.twinsync.writer.plan.PropertyPatchPlanner;
import io.twinsync.writer.report.ItemAction;
import io.twinsync.writer.retry.Attempts;
import io.twinsync.writer.retry.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Brings one relationship in line with its twin file: creates it when missing ({@code If-None-Match: *}), else
 * patches the properties that differ ({@code If-Match}), else leaves it alone.
 */
final class RelationshipApplier {

    /**
     * Waits before trying again to create a relationship whose target was created moments ago in this run and which
     * ADT still reports as missing ({@code TargetTwinNotFound}, eventual consistency): short, and bounded.
     */
    static final List<Duration> CONSISTENCY_WAITS =
            List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));

    private final AdtGateway adt;
    private final Predicate<String> createdThisRun;
    private final Sleeper sleeper;

    /**
     * @param createdThisRun whether a twin id was created by this run, so that a relationship to it that ADT
     *     reports as missing is worth a short retry rather than a failure
     */
    RelationshipApplier(AdtGateway adt, Predicate<String> createdThisRun, Sleeper sleeper) {
        this.adt = adt;
        this.createdThisRun = createdThisRun;
        this.sleeper = sleeper;
    }

    Step apply(String sourceId, ObjectNode desired, Attempts attempts) {
        String relationshipId = Documents.text(desired, "$relationshipId");
        for (int round = 1; round <= TwinApplier.MAX_ROUNDS; round++) {
            Optional<Versioned> current = adt.getRelationship(sourceId, relationshipId, attempts);
            try {
                if (current.isEmpty()) {
                    Versioned created = create(sourceId, relationshipId, desired, attempts);
                    return Step.done(ItemAction.CREATED, created.etag());
                }
                return update(sourceId, relationshipId, desired, current.get(), attempts);
            } catch (HttpResponseException e) {
                if (AdtError.statusOf(e) != 412) {
                    throw e;
                }
            }
        }
        return Step.failed(
                "PreconditionFailed",
                "Relationship " + relationshipId + " of twin " + sourceId
                        + " changed in ADT while being written, " + TwinApplier.MAX_ROUNDS
                        + " times in a row; something"
                        + " else is updating it. Run the batch again later.");
    }

    /**
     * Brings a relationship in line, planned against {@code current}, the relationship as a query returned it (empty:
     * none). When it changed since (412), reads it and plans again as {@link #apply} does.
     */
    Step applyAgainst(String sourceId, ObjectNode desired, Optional<Versioned> current, Attempts attempts) {
        if (current.isEmpty()) {
            return applyNew(sourceId, desired, attempts);
        }
        try {
            return update(sourceId, Documents.text(desired, "$relationshipId"), desired, current.get(), attempts);
        } catch (HttpResponseException e) {
            if (AdtError.statusOf(e) != 412) {
                throw e;
            }
            return apply(sourceId, desired, attempts);
        }
    }

    /**
     * Creates a relationship this writer has not written before, without reading first; when it exists after all
     * (412: someone else made it), reads it and brings it in line as {@link #apply} does.
     */
    Step applyNew(String sourceId, ObjectNode desired, Attempts attempts) {
        String relationshipId = Documents.text(desired, "$relationshipId");
        try {
            return Step.done(
                    ItemAction.CREATED,
                    create(sourceId, relationshipId, desired, attempts).etag());
        } catch (HttpResponseException e) {
            if (AdtError.statusOf(e) != 412) {
                throw e;
            }
            return apply(sourceId, desired, attempts);
        }
    }

    /** Creates the relationship, waiting out ADT's lag after this run created its target. */
    private Versioned create(String sourceId, String relationshipId, ObjectNode desired, Attempts attempts) {
        String targetId = Documents.text(desired, "$targetId");
        for (int retry = 0; ; retry++) {
            try {
                return adt.createRelationship(sourceId, relationshipId, Documents.forPut(desired), attempts);
            } catch (HttpResponseException e) {
                boolean lagging = "TargetTwinNotFound".equals(AdtError.of(e).code()) && createdThisRun.test(targetId);
                if (!lagging || retry >= CONSISTENCY_WAITS.size()) {
                    throw e;
                }
                try {
                    sleeper.sleep(CONSISTENCY_WAITS.get(retry));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(
                            "Interrupted while waiting to create relationship " + relationshipId, interrupted);
                }
            }
        }
    }

    private Step update(
            String sourceId, String relationshipId, ObjectNode desired, Versioned actual, Attempts attempts) {
        String wantTarget = Documents.text(desired, "$targetId");
        String wantName = Documents.text(desired, "$relationshipName");
        String hasTarget = Documents.text(actual.json(), "$targetId");
        String hasName = Documents.text(actual.json(), "$relationshipName");
        if (!Objects.equals(wantTarget, hasTarget) || !Objects.equals(wantName, hasName)) {
            return Step.failed(
                    "RelationshipRetargeted",
                    "Relationship " + relationshipId + " of twin " + sourceId
                            + " is '" + hasName + "' to " + hasTarget + " in ADT but the source says '" + wantName
                            + "' to "
                            + wantTarget
                            + "; ADT cannot change a relationship's target or name: delete it in ADT and run"
                            + " again.");
        }
        List<PatchOperation> ops = PropertyPatchPlanner.plan(desired, actual.json(), List.of());
        if (ops.isEmpty()) {
            return Step.done(ItemAction.UNCHANGED, actual.etag());
        }
        adt.patchRelationship(sourceId, relationshipId, ops, actual.etag(), attempts);
        return Step.done(ItemAction.PATCHED, null);
    }
}
