package io.twinsync.orchestrator.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.json.StagingJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts a target's runs since its last drift check ({@code drift.json} in the target's state), so that every N-th
 * run checks. Best effort: an unreadable counter counts as due, which costs one check, never a missed one.
 */
public final class DriftSchedule {

    static final String FILE = "drift.json";

    private static final Logger log = LoggerFactory.getLogger(DriftSchedule.class);

    private final StateArea area;
    private final int everyRuns;

    /** @param everyRuns check every N-th run; 0 never (only when asked) */
    public DriftSchedule(TargetState state, int everyRuns) {
        this.area = state.area();
        this.everyRuns = everyRuns;
    }

    /** Whether this run is to check, counting it. */
    public boolean countRun() {
        if (everyRuns <= 0) {
            return false;
        }
        int runs = runsSinceCheck() + 1;
        if (runs >= everyRuns) {
            return true;
        }
        save(runs);
        return false;
    }

    /** Records that a check was made now. */
    public void checked() {
        save(0);
    }

    private int runsSinceCheck() {
        Optional<InputStream> in = area.open(FILE);
        if (in.isEmpty()) {
            return 0;
        }
        try (InputStream stream = in.get()) {
            JsonNode node = StagingJson.mapper().readTree(stream);
            return node == null
                    ? Integer.MAX_VALUE - 1
                    : node.path("runsSinceCheck").asInt(Integer.MAX_VALUE - 1);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read {} ({}); this run checks for drift", FILE, e.toString());
            return Integer.MAX_VALUE - 1;
        }
    }

    private void save(int runs) {
        try (StagedOutput out = area.create(FILE)) {
            StagingJson.mapper().writeValue(out, Map.of("runsSinceCheck", runs));
            out.commit();
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot save {} ({}); the next run may check for drift early", FILE, e.toString());
        }
    }
}
