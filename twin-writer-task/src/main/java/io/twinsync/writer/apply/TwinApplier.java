package io.twinsync.writer.apply;

import com.azure.core.exception.HttpResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinPointers;
import io.twinsync.writer.plan.PatchOperation;
import io.twinsync.writer.plan.PropertyPatchPlanner;
import io.twinsync.writer.report.ItemAction;
import io.twinsync.writer.retry.Attempts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one twin in line with its file: creates it when missing ({@code If-None-Match: *}), else patches only the
 * properties that differ ({@code If-Match} its ETag), else leaves it alone. When another writer gets in between
 * (412) it reads the twin again and plans again, a few times.
 */
final class TwinApplier {

    static final int MAX_ROUNDS = 3;

    private static final Logger log = LoggerFactory.getLogger(TwinApplier.class);

    private final AdtGateway adt;

    TwinApplier(AdtGateway adt) {
        this.adt = adt;
    }

    Step apply(TwinFile file, Attempts attempts) {
        String twinId = file.twinId();
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            Optional<Versioned> current = adt.getTwin(twinId, attempts);
            try {
                if (current.isEmpty()) {
                    Versioned created = adt.createTwin(twinId, Documents.forPut(file.twin()), attempts);
                    return Step.done(ItemAction.CREATED, created.etag());
                }
                return update(file, current.get(), attempts);
            } catch (HttpResponseException e) {
                if (AdtError.statusOf(e) != 412) {
                    throw e;
                }
                log.debug(
                        "Twin {} changed in ADT while being written (412, round {}); reading it again", twinId, round);
            }
        }
        return Step.failed(
                "PreconditionFailed",
                "Twin " + twinId + " changed in ADT while being written, " + MAX_ROUNDS
                        + " times in a row; something else is updating it. Run the batch again later.");
    }

    /**
     * Brings a twin in line with its file, planned against {@code current}, the twin as a query returned it (empty:
     * the query found none). When the twin changed since (412 on the patch, or on the create: it exists after all),
     * reads it and plans again as {@link #apply} does.
     */
    Step applyAgainst(TwinFile file, Optional<Versioned> current, Attempts attempts) {
        if (current.isEmpty()) {
            return applyNew(file, attempts);
        }
        try {
            return update(file, current.get(), attempts);
        } catch (HttpResponseException e) {
            if (AdtError.statusOf(e) != 412) {
                throw e;
            }
            log.debug("Twin {} changed in ADT since it was queried (412); reading it", file.twinId());
            return apply(file, attempts);
        }
    }

    /**
     * Creates a twin this writer has no record of, without reading first: on a first load that halves the requests.
     * When it exists after all (412: made by someone else, or by a run whose record was lost), reads it and brings
     * it in line as {@link #apply} does.
     */
    Step applyNew(TwinFile file, Attempts attempts) {
        try {
            Versioned created = adt.createTwin(file.twinId(), Documents.forPut(file.twin()), attempts);
            return Step.done(ItemAction.CREATED, created.etag());
        } catch (HttpResponseException e) {
            if (AdtError.statusOf(e) != 412) {
                throw e;
            }
            return apply(file, attempts);
        }
    }

    /**
     * Brings a twin in line with its file without reading it: plans the patch against {@code last}, the file this
     * writer applied before, and sends it with {@code If-Match: etag} (the ETag that write left). When the twin changed
     * since (412), is gone (404), or the plan would need to know more than {@code last} tells (another model, a
     * removal of a property {@code last} said nothing about), reads it and plans as {@link #apply} does.
     *
     * @return the step, and whether it was planned from {@code last} (so the relationships can be too)
     */
    PlannedStep applyAfter(TwinFile file, TwinFile last, String etag, Attempts attempts) {
        if (!Objects.equals(last.modelId(), file.modelId()) || !removalsKnown(file, last)) {
            return new PlannedStep(apply(file, attempts), false);
        }
        List<PatchOperation> ops =
                PropertyPatchPlanner.plan(file.twin(), last.twin(), file.removals(), file.wholeValues());
        if (setsAnObjectTheLastFileLacked(ops, file)) {
            // The twin may hold that object, kept from before or written by someone else: adding it whole would
            // drop the rest of it. Only a read shows what is there, to patch leaf by leaf.
            return new PlannedStep(apply(file, attempts), false);
        }
        if (ops.isEmpty()) {
            return new PlannedStep(Step.done(ItemAction.UNCHANGED, etag), true);
        }
        try {
            String newEtag = adt.patchTwin(file.twinId(), ops, etag, attempts);
            return new PlannedStep(Step.done(ItemAction.PATCHED, newEtag), true);
        } catch (HttpResponseException e) {
            int status = AdtError.statusOf(e);
            if (status != 412 && status != 404) {
                throw e;
            }
            log.debug("Twin {} is not as this writer left it ({}); reading it", file.twinId(), status);
            return new PlannedStep(apply(file, attempts), false);
        }
    }

    /** The planner sets an object whole, outside the source's whole values, only where the other side lacks it. */
    private static boolean setsAnObjectTheLastFileLacked(List<PatchOperation> ops, TwinFile file) {
        return ops.stream()
                .anyMatch(op -> op.op() == PatchOperation.Op.ADD
                        && op.value() != null
                        && op.value().isObject()
                        && !file.wholeValues().contains(op.path()));
    }

    /** A step, and whether it was planned from the last applied file rather than from a read. */
    record PlannedStep(Step step, boolean fromLastApplied) {}

    /**
     * True when {@code last} tells whether each property the file removes is there: it had a value (so it is there)
     * or was removed by it too (so it is not). Otherwise someone else may have set it, and only a read can tell.
     */
    private static boolean removalsKnown(TwinFile file, TwinFile last) {
        for (String pointer : file.removals()) {
            if (!last.removals().contains(pointer) && !has(last.twin(), TwinPointers.segments(pointer))) {
                return false;
            }
        }
        return true;
    }

    private static boolean has(JsonNode node, List<String> segments) {
        JsonNode at = node;
        for (String segment : segments) {
            at = at == null ? null : at.get(segment);
        }
        return at != null && !at.isNull();
    }

    private Step update(TwinFile file, Versioned twin, Attempts attempts) {
        String actualModel = twin.json().path("$metadata").path("$model").asText(null);
        if (!Objects.equals(actualModel, file.modelId())) {
            return Step.failed(
                    "ModelChanged",
                    "Twin " + file.twinId() + " has model " + actualModel
                            + " in ADT but its file says " + file.modelId()
                            + "; changing a twin's model is not supported"
                            + " yet: delete the twin in ADT (relationships first) and run again, or fix the mapping.");
        }
        List<PatchOperation> ops =
                PropertyPatchPlanner.plan(file.twin(), twin.json(), file.removals(), file.wholeValues());
        if (ops.isEmpty()) {
            return Step.done(ItemAction.UNCHANGED, twin.etag());
        }
        String etag = adt.patchTwin(file.twinId(), ops, twin.etag(), attempts);
        return Step.done(ItemAction.PATCHED, etag);
    }
}
