package io.twinsync.orchestrator.state;

import io.twinsync.extract.watermark.WatermarkStore;
import io.twinsync.staging.Batch;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StateArea;
import io.twinsync.transform.presence.PresenceStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One target's sync state, kept apart from every other target's under {@code targets/{targetKey}/} in the staging
 * state area: the committed watermarks ({@code extract/watermarks.json}), presence lists ({@code transform/present/})
 * and the origin of each entity they were made from ({@code origins.json}). The writer keeps its record of what it
 * wrote to the target beside it, under {@code writer/{targetKey}/}.
 *
 * <p>So a new target starts from nothing (a first load), and an entity whose source, query or mapping changed is read
 * whole with its earlier presence list set aside: nothing is skipped because of another target's or source's history.
 */
public final class TargetState {

    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,119}");

    private final StateArea area;
    private final String targetKey;

    private TargetState(StateArea area, String targetKey) {
        this.area = area;
        this.targetKey = targetKey;
    }

    /** @param targetKey the target's state key, such as {@code TwinGraphTarget.stateKey()} */
    public static TargetState of(StagingStore staging, String targetKey) {
        if (targetKey == null || !SAFE_KEY.matcher(targetKey).matches()) {
            throw new IllegalArgumentException("Target key '" + targetKey + "' must be 1-120 letters, digits, '.',"
                    + " '_' or '-', not starting with '.' or '-'");
        }
        return new TargetState(staging.state().scoped("targets/" + targetKey + "/"), targetKey);
    }

    /** Where the target's watermarks and presence lists are read and committed. */
    public StateArea area() {
        return area;
    }

    public String targetKey() {
        return targetKey;
    }

    /**
     * The entities whose committed state must not be used with {@code current} origins, and why: all of them when the
     * target has no state yet, else those whose origin changed or that have none.
     */
    public Map<String, String> afresh(EntityOrigins current) {
        Optional<EntityOrigins> committed = EntityOrigins.readCommitted(area);
        Map<String, String> afresh = new LinkedHashMap<>();
        current.byEntity().forEach((entity, origin) -> {
            if (committed.isEmpty()) {
                afresh.put(
                        entity,
                        "no sync state for this target yet (a first sync to it, or state of an earlier"
                                + " twinsync version)");
                return;
            }
            Optional<EntityOrigin> earlier = committed.get().of(entity);
            if (earlier.isEmpty()) {
                afresh.put(entity, "first sync of this entity to this target");
            } else {
                String changes = origin.changesSince(earlier.get());
                if (!changes.isEmpty()) {
                    afresh.put(entity, changes);
                }
            }
        });
        return afresh;
    }

    /**
     * Makes the batch's pending state the target's: watermarks, presence lists, then the origins they belong to. Call
     * it only once the batch was written without failures. Origins go last: a commit cut short leaves new watermarks
     * under old origins, which the next batch sets aside (a full read), never old watermarks under new origins.
     */
    public void commit(Batch batch) {
        WatermarkStore.commit(batch, area);
        PresenceStore.commit(batch, area);
        EntityOrigins.readPending(batch).ifPresent(origins -> origins.writeCommitted(area));
    }
}
