package io.twinsync.writer.apply;

import com.azure.core.exception.HttpResponseException;
import io.twinsync.staging.twin.TwinFile;
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
