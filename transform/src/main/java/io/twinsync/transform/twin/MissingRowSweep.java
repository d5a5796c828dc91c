package io.twinsync.transform.twin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.StagedFolder;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.json.ContentHash;
import io.twinsync.staging.reject.RejectWriter;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileNames;
import io.twinsync.transform.presence.PresenceEntry;
import io.twinsync.transform.presence.PresenceStore;
import io.twinsync.transform.presence.PresenceWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletion by absence for one entity. While its rows are written it records the twins present (into the batch's
 * presence list) and the rows rejected; then {@link #sweep} compares with the last committed list. A twin of that
 * list is gone when this batch has no twin file for its id and no rejected row with its id or source key: a row
 * rejected this time still exists in the source, so its twin is kept (and carried into the new list). Memory holds
 * only the rejected rows' ids and keys; both lists are streamed, and the twin files answer "is it there".
 */
final class MissingRowSweep {

    private static final Logger log = LoggerFactory.getLogger(MissingRowSweep.class);

    private final EntityPlan plan;
    private final StagedFolder twins;
    private final TwinFileSink sink;
    private final RejectWriter rejects;
    private final PresenceWriter presence;
    private final Set<String> rejectedIds = new HashSet<>();
    private final Set<String> rejectedKeys = new HashSet<>();
    private boolean held;

    MissingRowSweep(
            EntityPlan plan, StagedFolder twins, TwinFileSink sink, RejectWriter rejects, PresenceWriter presence) {
        this.plan = plan;
        this.twins = twins;
        this.sink = sink;
        this.rejects = rejects;
        this.presence = presence;
    }

    void present(PresenceEntry entry) {
        presence.write(entry);
    }

    void rejected(String twinId, ObjectNode sourceKey) {
        if (twinId != null) {
            rejectedIds.add(twinId);
        }
        rejectedKeys.add(keyText(sourceKey));
    }

    EntityCounts sweep(StateArea state) {
        long[] counts = new long[2]; // earlier twins, missing ones
        boolean hadList = PresenceStore.readCommitted(state, plan.entity(), entry -> {
            counts[0]++;
            if (state(entry) == State.GONE) {
                counts[1]++;
            }
        });
        long earlier = counts[0];
        long missing = counts[1];
        if (!hadList) {
            log.info(
                    "Entity {}: no committed presence list yet, so no twin is deleted for missing rows this time",
                    plan.entity());
        }
        boolean overLimit = missing > 0 && missing > plan.missing().limit() * earlier;
        long[] tombstones = {0};
        PresenceStore.readCommitted(state, plan.entity(), entry -> {
            switch (state(entry)) {
                case GONE -> {
                    if (overLimit) {
                        presence.write(entry); // kept for a later batch to delete once the cause is fixed
                    } else {
                        tombstone(entry);
                        tombstones[0]++;
                    }
                }
                case REJECTED -> presence.write(entry);
                case PRESENT -> {
                    // listed already (this entity) or by the entity that produces it now
                }
            }
        });
        // a twin listed twice gets one tombstone: the second write finds the first's file
        tombstones[0] -= sink.flush().size();
        if (overLimit) {
            held = true;
            rejects.write(TooManyMissing.reject(
                    plan,
                    "deleted.missingLimit",
                    "twins entity " + plan.entity(),
                    "none was deleted",
                    earlier,
                    missing));
            return new EntityCounts(plan.entity(), 0, 0, 0, 0, 1);
        }
        if (tombstones[0] > 0) {
            log.info(
                    "Entity {}: {} of {} earlier twins are gone from the source; tombstoned",
                    plan.entity(),
                    tombstones[0],
                    earlier);
        }
        return new EntityCounts(plan.entity(), 0, tombstones[0], tombstones[0], 0, 0);
    }

    /** Whether {@link #sweep} held back the deletions because too many rows were missing. */
    boolean held() {
        return held;
    }

    void commit() {
        presence.commit();
    }

    void close() {
        presence.close();
    }

    private enum State {
        PRESENT,
        REJECTED,
        GONE
    }

    private State state(PresenceEntry entry) {
        if (twins.exists(TwinFileNames.pathFor(entry.twinId()))) {
            return State.PRESENT;
        }
        if (rejectedIds.contains(entry.twinId()) || rejectedKeys.contains(keyText(entry.sourceKey()))) {
            return State.REJECTED;
        }
        return State.GONE;
    }

    private void tombstone(PresenceEntry entry) {
        ObjectNode twin = JsonNodeFactory.instance.objectNode();
        twin.put("$dtId", entry.twinId());
        twin.putObject("$metadata").put("$model", plan.model());
        TwinFile file = TwinFile.of(plan.entity(), entry.sourceKey(), true, twin, List.of(), List.of());
        sink.write(file, 0);
    }

    /** The same key gives the same text whatever its field order or decimal scale. */
    private static String keyText(ObjectNode key) {
        return ContentHash.canonical(key).toString();
    }
}
