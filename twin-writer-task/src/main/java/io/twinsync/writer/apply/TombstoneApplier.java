package io.twinsync.writer.apply;

import com.azure.core.exception.HttpResponseException;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.writer.report.ItemAction;
import io.twinsync.writer.retry.Attempts;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Deletes a twin whose source row was deleted: first its outgoing and incoming relationships (ADT refuses to delete
 * a twin that has any), then the twin. A twin that is already gone is left unchanged.
 */
final class TombstoneApplier {

    private final AdtGateway adt;

    TombstoneApplier(AdtGateway adt) {
        this.adt = adt;
    }

    /**
     * @param relationshipDeleted receives each relationship this deleted (outgoing and incoming), for the results file
     */
    Step delete(TwinFile file, Attempts attempts, Consumer<RelationshipRef> relationshipDeleted) {
        String twinId = file.twinId();
        Set<RelationshipRef> relationships = new LinkedHashSet<>();
        try {
            relationships.addAll(adt.listRelationships(twinId, attempts));
            relationships.addAll(adt.listIncomingRelationships(twinId, attempts));
        } catch (HttpResponseException e) {
            if (AdtError.statusOf(e) == 404) {
                return Step.done(ItemAction.UNCHANGED, null);
            }
            throw e;
        }
        for (RelationshipRef relationship : relationships) {
            if (adt.deleteRelationship(relationship, attempts)) {
                relationshipDeleted.accept(relationship);
            }
        }
        boolean deleted = adt.deleteTwin(twinId, attempts);
        return Step.done(deleted ? ItemAction.DELETED : ItemAction.UNCHANGED, null);
    }
}
